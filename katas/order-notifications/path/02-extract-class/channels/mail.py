"""Email, through the shop's mail provider."""


class Mailer:
    def __init__(self, outbox):
        self._outbox = outbox

    def send(self, address, subject):
        # the provider rejects mixed-case addresses from the old till export
        self._outbox.post(f"  mail   {address.lower()}  {subject}")

    def send_if_wanted(self, customer, subject, club_perk=""):
        """Mail a customer who agreed to it; Frame Club members also hear about their perk."""
        if customer.email and customer.email_ok:
            if customer.club and club_perk:
                subject = f"{subject} - {club_perk}"
            self.send(customer.email, subject)
