"""Frame Club points: one point per whole pound paid."""

from . import outbox

BALANCES = {}


def balance(customer):
    return BALANCES.get(customer.customer_id, customer.points)


def add(customer, earned):
    new = balance(customer) + earned
    BALANCES[customer.customer_id] = new
    outbox.post(f"  points {customer.customer_id} +{earned} = {new}")


def deduct(customer, lost):
    new = max(0, balance(customer) - lost)
    BALANCES[customer.customer_id] = new
    outbox.post(f"  points {customer.customer_id} -{lost} = {new}")


def forget_all():
    BALANCES.clear()
