"""Refactorings each kata reference step applies, labelled blind (from the diffs and NOTES.md,
without the detector's output).

Used by katabench.review.accuracy to measure recall without the bias of labels read off detections.

Conventions: a rename is written "old->new"; every other name is the function, class or variable the
refactoring creates or acts on (its new name where it also moved or was renamed).
"""

BLIND_LABELS: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {
    # ---- library-fines
    ("library-fines", "01-extract-function"): {
        "extract-function": (
            "check_return",  # validation ifs out of assess_return
            "member_share",  # tier switch on the fine out of assess_return
            "damage_charge",  # kind switch on damage out of assess_return
        ),
    },
    ("library-fines", "02-extract-function"): {
        "extract-function": (
            "kind_label",  # label if/elif out of account_statement
            "describe",  # `what` if/elif out of account_statement
        ),
    },
    ("library-fines", "03-extract-class"): {
        "rename": (
            "check_tier->card_tier",  # same validator, now also returns the CardTier
            "member_share->overdue_share",  # now CardTier.overdue_share
        ),
        "extract-variable": ("reading_material",),  # `kind == "BK" or kind == "MAG"` from member_share
        "move-function": ("overdue_share",),  # member_share -> CardTier.overdue_share
        "extract-class": ("CardTier",),  # tier numbers/flag out of member_share, loan_terms
        "replace-conditional-with-polymorphism": (
            "TIERS",  # if tier == STAFF/CHILD/SENIOR in member_share, loan_terms -> CardTier per tier
            "overdue_share",
        ),
    },
    ("library-fines", "04-extract-class"): {
        "extract-class": (
            "LoanPolicy",  # loan days/renewals/adults-only out of loan_terms
            "BookPolicy",
            "DvdPolicy",
            "MagazinePolicy",
            "ToolPolicy",
            "GamePolicy",
        ),
        "replace-conditional-with-polymorphism": (
            "loan_terms",  # if kind == BK/DVD/... -> policy_for(kind).loan_days/renewals
            "renewal_decision",  # if kind == "MAG" -> policy renewals/plural
        ),
    },
    ("library-fines", "05-replace-conditional-with-polymorphism"): {
        "replace-conditional-with-polymorphism": (
            "overdue_fine",  # kind switch -> BookPolicy.overdue_fine etc.
        ),
    },
    ("library-fines", "06-replace-conditional-with-polymorphism"): {
        "replace-conditional-with-polymorphism": (
            "is_billed_as_lost",  # kind switch -> policy.lost_after_days
            "replacement_cost",  # kind switch -> Policy.replacement_cost
            "damage_charge",  # kind switch -> Policy.damage_charge
            "kind_label",  # kind switch -> policy.label
            "reading_material",  # kind == BK/MAG -> policy.reading_material
        ),
    },
    ("library-fines", "07-inline-function"): {
        "extract-variable": (
            "policy",  # policy_for(kind) in assess_return
            "overdue",  # card.overdue_share(...) was inline in Charge(...)
        ),
        "inline-function": (
            "overdue_fine",  # one-line delegations inlined into assess_return / account_statement
            "is_billed_as_lost",
            "replacement_cost",
            "damage_charge",
            "kind_label",
        ),
    },
    ("library-fines", "08-add-type-hints"): {},
    # ---- access-log-parser
    ("access-log-parser", "01-extract-variable"): {
        "extract-variable": (
            "EDGED_2_LINE",  # regex literal in parse_v2's re.match -> compiled module constant
            "BOT_AGENT",  # regex literal in is_bot's re.search -> compiled module constant
        ),
    },
    ("access-log-parser", "02-remove-nested-quantifier"): {
        "rename": ("m->match",),  # local in parse_v2
    },
    ("access-log-parser", "03-substitute-algorithm"): {},
    ("access-log-parser", "04-introduce-value-object"): {
        "rename": (
            "parse_v1->from_edged_1",  # same builder of the record, matching moved to parse_line
            "parse_v2->from_edged_2",
        ),
        "extract-variable": ("ISO_UTC",),  # strftime format string in parse_v1
        "extract-function": (
            "byte_count",  # `if fields["bytes"] == "-"` duplicated in parse_v1/parse_v2
            "route",  # r.path.split("?")[0] in analyse -> Request.route
        ),
        "replace-conditional-with-polymorphism": (
            "FORMATS",  # parse_line's `if line.startswith("v2 ")` -> table of (pattern, builder)
        ),
    },
    ("access-log-parser", "05-extract-class"): {
        "extract-function": (
            "is_slow",  # HIT/other limit test in analyse's slow loop
            "add_line",  # analyse's read loop body -> LogTally.add_line
            "add_request",  # analyse's counting loops -> LogTally.add_request
        ),
        "extract-class": ("LogTally",),  # counters/lists of analyse gathered in one class
    },
    ("access-log-parser", "06-extract-function"): {
        "rename": ("s->status",),  # comprehension variable in the status line
        "extract-variable": (
            "hidden",  # len(tally.bad) - BAD_LINES_SHOWN
            "slowest",  # sorted(tally.slow, ...)
        ),
        "extract-function": (
            "report_lines",  # out of analyse
            "bad_lines",
            "error_counts",
            "cache_counts",
            "slow_requests",
            "top_paths",
            "requests",  # local tally.statuses.total() -> LogTally.requests
        ),
    },
    ("access-log-parser", "07-add-type-hints"): {},
    # ---- billing-strangler
    ("billing-strangler", "01-introduce-facade"): {
        "extract-function": ("engine",),  # engine check duplicated in the three operations -> facade.engine
        "move-function": (
            "bill_account",  # billing.py -> v1.py, body kept (settings check removed)
            "preview_invoice",
            "leak_credit",
            "Bill",  # billing.py -> v1.py
            "CreditNote",
        ),
    },
    ("billing-strangler", "02-split-module"): {
        "move-function": (
            "Bill",  # v1.py -> records.py
            "CreditNote",
        ),
    },
    ("billing-strangler", "03-introduce-parameter-object"): {},  # Account/Reading/Tariff added, nothing uses them yet
    ("billing-strangler", "04-strangle-bill-account"): {},  # new v2 code routed by the facade; v1 untouched
    ("billing-strangler", "05-strangle-preview-invoice"): {},
    ("billing-strangler", "06-strangle-leak-credit"): {},
    ("billing-strangler", "07-flip-default"): {},
    ("billing-strangler", "08-remove-legacy-path"): {
        "rename": ("engine->check_engine",),  # facade's engine validator, same check
    },
    ("billing-strangler", "09-add-type-hints"): {},
    # ---- bug-hunt
    ("bug-hunt", "01-fix-shallow-copy-of-the-fare-table"): {},  # behaviour fix
    ("bug-hunt", "02-remove-debugging-leftover"): {},  # print removed
    # ---- calculator-errors
    ("calculator-errors", "01-introduce-exception-hierarchy"): {},  # errors.py added, nothing uses it
    ("calculator-errors", "02-introduce-error-boundary"): {},  # new except clause
    ("calculator-errors", "03-replace-sentinel-with-exception"): {},  # sentinels -> raise; is_register_name deleted
    ("calculator-errors", "04-replace-sentinel-with-exception"): {},  # line_no parameters dropped, raise BadNumber
    ("calculator-errors", "05-replace-sentinel-with-exception"): {
        "rename": ("too_big->fit",),  # keypad's display-limit check, now raises instead of returning True
    },
    ("calculator-errors", "06-introduce-guard-clauses"): {
        "rename": ("commands->script",),  # run_tape's list of non-blank, non-comment lines
        "extract-function": (
            "is_command",  # blank/comment test written twice in run_tape
            "read_command",  # key/operand split and guards at the top of run_line
            "amount",  # register-or-till try/except of add/sub in run_line
        ),
    },
    ("calculator-errors", "07-extract-class"): {
        "rename": ("register_index->register_number",),  # memory.py name -> slot lookup
        "move-function": (
            "recall",  # memory.recall(registers, name) -> Registers.recall
            "store",  # memory.store(registers, name, value) -> Registers.store
        ),
        "extract-class": ("Registers",),  # bare list from fresh_registers + recall/store
    },
    ("calculator-errors", "08-extract-class"): {
        "rename": (
            "operand->_operand",  # desk.operand -> Calculator._operand
            "amount->_amount",  # desk.amount -> Calculator._amount
        ),
        "extract-function": (
            "numbered_commands",  # run_tape's script comprehension
            "require_operand",  # `if not text: raise CannotRead(line)` of run_line -> Command.require_operand
        ),
        "inline-function": (
            "calculate",  # arith.calculate written into Calculator.add/sub/mul/div/pct; arith.py deleted
            "is_command",  # its test written into numbered_commands
        ),
        "move-function": (
            "read_command",  # desk.py -> calculator.py
            "_operand",  # desk.operand -> Calculator
            "_amount",  # desk.amount -> Calculator
            "KEYS",  # desk.py -> calculator.py (tuple -> table of methods)
        ),
        "extract-class": (
            "Calculator",  # acc/registers/tape threaded through run_line -> one object
            "Command",  # (key, text) tuple of read_command + line
        ),
        "replace-conditional-with-polymorphism": (
            "run_line",  # if key == "clr"/"="/"sto"/... -> KEYS table of Calculator methods
        ),
    },
    ("calculator-errors", "09-add-type-hints"): {},
    # ---- gradebook
    ("gradebook", "01-extract-function"): {
        "extract-function": (
            "best_three",  # out of student_report
            "quiz_percentage",
            "coursework_after_penalty",
            "weighted_mark",
            "resit_capped",
        ),
    },
    ("gradebook", "02-remove-duplication"): {
        "rename": (
            "band->grade",  # local in class_summary / at_risk_list (would shadow band())
            "band->name",  # loop variable of the band counts in class_summary
        ),
        "move-function": ("band",),  # Gradebook.band -> module function band (BANDS with it)
    },
    ("gradebook", "03-extract-function"): {
        "extract-function": (
            "read_rows",  # csv open/header/blank-line loop of Gradebook.load and the two lists
            "parse_row",  # seven-cell parsing written in all three reports
        ),
    },
    ("gradebook", "04-introduce-parameter-object"): {
        "extract-variable": ("resit",),  # `" (resit)" if attempt == 2 else ""` in student_report's f-string
    },
    ("gradebook", "05-split-module"): {
        "rename": (
            "read_rows->_read_rows",  # moved to records.py
            "find->find_student",  # Gradebook.find -> records.find_student
        ),
        "extract-function": ("read_marksheet",),  # try/parse_row/except loops of class_summary and at_risk_list
        "move-function": (
            "_mark",  # marksheet.py -> records.py
            "StudentMarks",
            "parse_row",
            "_read_rows",
            "find_student",
        ),
        "extract-class": ("Marksheet",),  # students + skipped list of the reports (with RowProblem)
    },
    ("gradebook", "06-extract-function"): {
        "rename": ("passed->passes",),  # local count in class_summary
        "extract-variable": (
            "RESIT_ATTEMPT",  # literal 2 of `attempt == 2`
            "below_hurdle",  # exam < EXAM_HURDLE, now handed to band()
        ),
        "extract-function": (
            "final_grade",  # rule chain written in the three reports
            "screening_grade",
            "_grade",
            "is_resit",  # `attempt == 2` in student_report and resit_capped
            "risk_reason",  # if/elif of at_risk_list
        ),
        "extract-class": ("Grade",),  # mark/band/earned locals and result tuples of the reports
    },
    ("gradebook", "07-move-function"): {
        "extract-variable": (
            "ALL_BANDS",  # band-name tuple in class_summary
            "FAIL",  # "Fail" literal in band
            "INCOMPLETE",  # "Incomplete" literal in _grade
        ),
        "extract-function": ("passed",),  # `grade.band in (...)` in class_summary
        "move-function": (
            "best_three",  # marksheet.py -> grading.py
            "quiz_percentage",
            "coursework_after_penalty",
            "weighted_mark",
            "is_resit",
            "resit_capped",
            "band",
            "Grade",
            "final_grade",
            "screening_grade",
            "_grade",
            "risk_reason",
        ),
    },
    ("gradebook", "08-extract-function"): {
        "rename": (
            "heading->_heading",  # Gradebook.heading -> module function
            "divider->_divider",
        ),
        "extract-variable": (
            "marks",  # quiz join in the Quizzes f-string
            "best",  # "best three ..." part of the Quizzes f-string
        ),
        "extract-function": (
            "_quiz_line",  # out of student_report
            "_coursework_line",
            "_notes",
            "_columns",  # id/name/mark columns of class_summary and at_risk_list
            "_rank",  # the two sort keys
            "_band_counts",  # out of class_summary
            "_class_statistics",
        ),
        "move-function": (
            "_heading",  # Gradebook.heading -> module level; Gradebook removed
            "_divider",
        ),
    },
    ("gradebook", "09-split-module"): {
        "rename": ("q->quiz",),  # comprehension variable in _quiz_line
        "extract-function": ("at_risk",),  # selection loop of at_risk_list -> grading.at_risk
        "move-function": (
            "student_report",  # layout part: marksheet.py -> reports.py
            "class_summary",
            "at_risk_list",
            "_heading",
            "_divider",
            "_quiz_line",
            "_notes",
            "_coursework_line",
            "_columns",
            "_rank",
            "_band_counts",
            "_class_statistics",
        ),
        "extract-class": ("AtRisk",),  # (student, grade, reason) tuple of at_risk_list
    },
    # ---- order-notifications
    ("order-notifications", "01-extract-function"): {
        "extract-function": (
            "first_name",  # customer.name.split()[0] pasted in pay/ready/collect/cancel
            "may_text",  # mobile-and-consent test of ready/cancel
            "email_if_wanted",  # consent + Frame Club perk block of book/ready/collect/cancel/refund
            "text_or_hold",  # quiet-hours block of pay/ready
            "send_receipt",  # receipt block of FrameDesk.pay
            "earned_points",  # points arithmetic of FrameDesk.pay
            "check_positive",  # amount check of pay/refund
            "open_job",  # cancelled-job check of pay/ready/collect
        ),
    },
    ("order-notifications", "02-extract-class"): {
        "rename": (
            "email_if_wanted->send_if_wanted",  # now Mailer.send_if_wanted
            "text_or_hold->send_or_hold",  # now TextMessages.send_or_hold
        ),
        "inline-function": ("hold",),  # sms.hold's "(held until ...)" prefix written into send_or_hold
        "move-function": (
            "send_if_wanted",  # desk.email_if_wanted -> Mailer
            "send_or_hold",  # desk.text_or_hold -> TextMessages
            "send_receipt",  # desk module function -> FrameDesk method
        ),
        "extract-class": (
            "Outbox",  # module SENT list + post/take_all
            "Mailer",  # mail.send
            "TextMessages",  # sms.send/hold
            "FrameClub",  # module BALANCES + balance/add/deduct
            "AuditTrail",  # audit.record
        ),
    },
    ("order-notifications", "03-move-function"): {
        "rename": (
            "may_text->_may_text",  # moved to channels/sms.py
            "send_if_wanted->_send_if_wanted",  # Mailer
            "send->_send",  # Mailer.send, now takes the customer
            "send->_post",  # TextMessages.send
            "send_or_hold->_send_or_hold",  # TextMessages
        ),
        "extract-variable": ("COLLECTION_BONUS",),  # literal 10 of club.add(customer, 10) in collect
        "extract-function": (
            "Mailer.job_booked",  # mail code of FrameDesk.book
            "Mailer.payment_taken",  # email half of send_receipt
            "Mailer.job_ready",  # mail code of FrameDesk.ready
            "Mailer.job_collected",  # mail code of FrameDesk.collect
            "Mailer.job_cancelled",  # subject building of FrameDesk.cancel
            "Mailer.refund_issued",  # mail code of FrameDesk.refund
            "TextMessages.payment_taken",  # text half of send_receipt
            "TextMessages.job_ready",  # text code of FrameDesk.ready
            "TextMessages.job_cancelled",  # whole-hours text code of FrameDesk.cancel
            "FrameClub.payment_taken",  # points code of FrameDesk.pay
            "FrameClub.job_collected",  # collection bonus of FrameDesk.collect
            "FrameClub.refund_issued",  # points taken back in FrameDesk.refund
        ),
        "inline-function": (
            "earned_points",  # body written into FrameClub.payment_taken
            "balance",  # FrameClub.balance written into _move
        ),
        "move-function": (
            "first_name",  # desk.first_name -> Customer.first_name
            "_may_text",  # desk.may_text -> channels/sms.py
        ),
    },
    ("order-notifications", "04-introduce-parameter-object"): {
        "extract-function": (
            "notify",  # handler dispatch replacing the hand-written call lists of each operation
            "describe",  # audit wording of book/pay/ready/collect/cancel/refund -> Event.describe per event
        ),
        "introduce-parameter-object": (
            "Event",  # (time, job_id, customer, ...) of every channel method and AuditTrail.record
            "JobBooked",
            "PaymentTaken",
            "JobReady",
            "JobCollected",
            "JobCancelled",
            "RefundIssued",
            "RefundRefused",
        ),
    },
    ("order-notifications", "05-extract-class"): {
        "rename": ("notify->publish",),  # FrameDesk.notify -> EventBus.publish
        "move-function": ("publish",),  # FrameDesk.notify -> EventBus.publish
        "extract-class": ("EventBus",),  # handler table + notify of FrameDesk
    },
    ("order-notifications", "06-move-function"): {
        "rename": (
            "sent->outbox",  # local of run_day, parameter of subscribe_channels
            "mailer->mail",  # locals of subscribe_channels
            "texts->sms",
            "trail->audit",
        ),
        "move-function": (
            "run_day",  # desk.py -> shop.py
            "subscribe_channels",  # desk.py -> shop.py
        ),
    },
    ("order-notifications", "07-add-type-hints"): {},
    # ---- order-pricing
    ("order-pricing", "01-introduce-parameter-object"): {
        "introduce-parameter-object": (
            "Market",  # rate/vat/vat_food of price_line, ship_fee/free_from/express_fee/currency of shipping_charge
        ),
    },
    ("order-pricing", "02-introduce-parameter-object"): {
        "extract-variable": ("minimum",),  # fmt(minimum, currency) inside apply_coupon's message
        "introduce-parameter-object": (
            "PricingContext",  # market/partner/coupon/express of price_line, apply_coupon, shipping_charge
            "Coupon",  # coupon/coupon_pct/coupon_category/minimum of apply_coupon
        ),
    },
    ("order-pricing", "03-replace-primitive-with-object"): {
        "rename": ("fmt->display",),  # money.fmt(amount, currency) -> Money.display()
        "extract-function": ("fmt",),  # nested fmt(amount) for fmt(float(x), cur) repeated in order_confirmation
        "inline-function": ("times",),  # Price.times written into price_line; Price removed
        "move-function": (
            "convert",  # Price.convert -> Market.convert
            "display",  # money.fmt -> Money.display
        ),
        "extract-class": ("Money",),  # round_money / cash_round / fmt and the float amounts
        "replace-conditional-with-polymorphism": (
            "cash_round",  # `if currency == "CHF"` -> Market.cash_step per market
        ),
    },
    ("order-pricing", "04-replace-primitive-with-object"): {
        "rename": (
            "qty->quantity",  # volume_discount parameter (now a Quantity)
            "pct->volume",  # price_line local
        ),
        "extract-function": (
            "of",  # `x * (rate / 100)` in vat_bands and apply_coupon -> Percentage.of
            "taken_off",  # `(100 - pct) / 100` in price_line -> Percentage.taken_off
        ),
        "extract-class": (
            "Percentage",  # percent ints/Decimals and their formulas
            "Quantity",  # range check of price_line
        ),
    },
    ("order-pricing", "05-change-reference-to-value"): {
        "extract-function": (
            "price_lines",  # pricing part of price_order
            "with_coupon",  # loop body of apply_coupon
            "total",  # total = goods + coupon + shipping + vat of price_order -> PricedOrder.total
            "payable",  # total.rounded(cash_step) of price_order -> PricedOrder.payable
        ),
        "extract-class": (
            "PricedOrder",  # replaces Totals and the sums kept in price_order
            "PricedLine",  # line dict
            "VatBand",  # (rate, base, tax) tuple
        ),
    },
    ("order-pricing", "06-extract-class"): {
        "rename": (
            "price_lines->price",  # now takes the Order
            "order->request",  # price_order's parameter (the request dict)
        ),
        "extract-variable": (
            "PARTNER_BONUS",  # `pct + 5` in volume_discount
            "NO_DISCOUNT",  # `pct = 0` in volume_discount
        ),
        "extract-function": (
            "receive",  # request checks and line reading of price_order
            "vat_rate",  # `if category in FOOD` VAT choice of price_line -> Market.vat_rate
            "applies_to",  # category test of with_coupon -> Coupon.applies_to
            "_sum",  # sum(..., Money.zero(currency)) repeated in PricedOrder
        ),
        "move-function": (
            "volume_discount",  # pricing.volume_discount -> Category.volume_discount
            "PricingContext",  # pricing.py -> order.py
        ),
        "extract-class": (
            "Category",  # category strings, FOOD tuple, volume breaks
            "Product",  # (name, category, price) tuples of PRODUCTS
            "Order",  # request dict read once
            "OrderLine",
        ),
        "introduce-parameter-object": (
            "OrderLine",  # price_line(sku, qty, context) -> price_line(line, context)
            "Order",  # price_lines(order_lines, context) -> price(order)
        ),
        "replace-conditional-with-polymorphism": (
            "volume_discount",  # if category in FOOD / == "sundries" ladder -> Category objects with breaks
        ),
    },
    ("order-pricing", "07-extract-class"): {
        "rename": ("qty->units",),  # loop variable over request["lines"] in receive
        "extract-function": (
            "quote",  # price(receive(request)) of price_order -> PricingService.quote
            "_context",  # checks of receive
            "_market",
            "_coupon",
            "_product",
        ),
        "move-function": ("receive",),  # orders.receive -> PricingService.receive
        "extract-class": ("PricingService",),  # receive + the global PRODUCTS/REGIONS/COUPONS lookups
    },
    ("order-pricing", "08-extract-function"): {
        "extract-variable": ("LABEL_WIDTH",),  # the 56 of every `{label:<56}`
        "extract-function": (
            "as_data",  # dict building of price_order
            "line_data",
            "coupon_data",
            "confirmation",  # text of order_confirmation
            "line_row",
            "row",  # `f"  {label:<56}{fmt(x):>15}"` repeated in order_confirmation
            "coupon_rows",
            "rounding_rows",
            "describe",  # FREESHIP/category if/elif of order_confirmation -> Coupon.describe
            "rounding",  # payable() - total() of price_order -> PricedOrder.rounding
        ),
        "move-function": (
            "price_order",  # orders.py -> shop.py
            "order_confirmation",
        ),
    },
    ("order-pricing", "09-add-type-hints"): {},
    # ---- playlist-dedupe
    ("playlist-dedupe", "01-extract-function"): {
        "extract-function": (
            "summary",  # out of report
            "rank_label",
            "chart_line",
            "footer",
            "check_show",  # out of merge_playlists
            "find_row",
            "add_play",
            "rank",  # sort-key lambda of merge_playlists
            "drop_bracketed_notes",  # out of normalise_title
            "drop_dash_note",
        ),
    },
    ("playlist-dedupe", "02-replace-list-with-dict"): {
        "extract-variable": ("key",),  # track_key(play.artist, play.title), was an argument of find_row(...)
    },
    ("playlist-dedupe", "03-sort-once"): {},  # sort moved out of the loop
    ("playlist-dedupe", "04-inline-function"): {
        "inline-function": ("remembered",),  # cache helper written into track_key (minus the cache)
    },
    ("playlist-dedupe", "05-substitute-algorithm"): {},  # character loops -> regex / str.partition
    ("playlist-dedupe", "06-replace-loop-with-pipeline"): {
        "extract-variable": (
            "HEADING",  # report's title literal
            "shown",  # chart[:top] passed to footer
        ),
        "extract-function": ("score",),  # (len(entry.shows), entry.plays) of report's loop and rank_label
    },
    ("playlist-dedupe", "07-replace-array-with-object"): {
        "rename": (
            "add_play->add",  # now Recording.add
            "rows->recordings",  # local dict of merge_playlists
        ),
        "extract-function": ("entry",),  # ChartEntry(...) built in merge_playlists' loop -> Recording.entry
        "move-function": (
            "add",  # merge.add_play -> Recording.add
            "rank",  # merge.rank -> Recording.rank
        ),
        "extract-class": ("Recording",),  # list rows read through ARTIST/TITLE/... positions
    },
    ("playlist-dedupe", "08-add-type-hints"): {},
    # ---- sensor-stream
    ("sensor-stream", "01-remove-duplication"): {
        "extract-function": ("usable_rows",),  # station/fault/battery filters written in summarise and alerts
    },
    ("sensor-stream", "02-extract-function"): {
        "extract-variable": ("mine",),  # `row["station"] == code` selection of alerts' two comprehensions
        "extract-function": (
            "station_alerts",  # loop body of alerts
            "crosses_warning",  # warning-crossing condition of alerts
            "rise_at",  # levels[i] - levels[i - READINGS_BACK] of alerts
            "station_line",  # per-gauge body of summarise
            "hourly_means",  # hour-window loop of summarise
        ),
    },
    ("sensor-stream", "03-extract-function"): {
        "extract-function": (
            "data_lines",  # blank/comment/header skipping of load_readings
            "parse_line",  # field checks of load_readings
            "parse_level",  # cm/mm conversion of load_readings
        ),
    },
    ("sensor-stream", "04-encapsulate-record"): {
        "rename": (
            "usable_rows->usable_readings",  # checks.py
            "rows->readings",  # parameters/locals of usable_rows, station_alerts, station_line, hourly_means, ...
            "row->reading",  # loop variables of the same functions
        ),
        "extract-function": ("hour",),  # row["when"][:13] of hourly_means -> Reading.hour
        "extract-class": ("Reading",),  # the reading dicts
    },
    ("sensor-stream", "05-replace-read-with-iteration"): {
        "extract-function": ("export_lines",),  # file reading of load_readings (now line by line)
    },
    ("sensor-stream", "06-replace-loop-with-generator"): {
        "rename": (
            "load_readings->parse_readings",  # same parse loop, now over lines given to it
            "counts->tally",  # parameter of export_lines / usable_readings
        ),
        "extract-function": (
            "known_station",  # the three if/elif conditions of usable_readings
            "sensor_works",
            "battery_charged",
            "passing",  # filter-and-count loop of usable_readings
            "corrected",  # survey-correction loop of summarise
            "gauge_readings",  # load/usable/correct sequence of summarise and alerts
        ),
    },
    ("sensor-stream", "07-extract-class"): {
        "rename": (
            "station_line->gauge_line",  # report line of one gauge, now from a GaugeSummary
            "counts->tally",  # local of summarise
        ),
        "extract-variable": ("DROPPED",),  # the four reasons spelt out in summarise's counts line
        "extract-function": (
            "counts_line",  # counts line of summarise
            "gauge_summaries",  # one pass replacing summarise's per-gauge selection
        ),
        "extract-class": (
            "GaugeSummary",  # peak / wettest hour / hours above of station_line
            "HourWindow",  # {"hour", "total", "count"} dicts of hourly_means
        ),
    },
    ("sensor-stream", "08-extract-class"): {
        "rename": ("station_alerts->alerts_for",),  # alerts of one gauge, now one reading at a time
        "inline-function": ("rise_at",),  # its subtraction written into GaugeWatch.alerts_for
        "move-function": (
            "crosses_warning",  # alerts.crosses_warning -> GaugeWatch.crosses_warning
            "alerts_for",  # alerts.station_alerts -> GaugeWatch.alerts_for
        ),
        "extract-class": ("GaugeWatch",),  # levels list and `rising` flag of station_alerts
    },
    ("sensor-stream", "09-add-type-hints"): {},
    # ---- shipping-carriers
    ("shipping-carriers", "01-extract-function"): {
        "extract-function": ("require_acceptance",),  # check_parcel + raise written in quote and shipping_label
    },
    ("shipping-carriers", "02-extract-class"): {
        "extract-class": (
            "Carrier",  # cutoff/transit data of delivery_days' switch
            "AlbionPost",
            "Swiftline",
            "HaulmarkFreight",
            "Boxhop",
        ),
        "replace-conditional-with-polymorphism": (
            "delivery_days",  # if carrier == ALB/SWL/HMF/BXH -> carrier_for(...).transit_days / cutoff_hour
        ),
    },
    ("shipping-carriers", "03-replace-conditional-with-polymorphism"): {
        "move-function": ("locker_size",),  # limits.py -> carriers.py (with LOCKERS)
        "replace-conditional-with-polymorphism": (
            "check_parcel",  # carrier switch -> max_weight_g / size_problems / route_problems per class
        ),
    },
    ("shipping-carriers", "04-replace-conditional-with-polymorphism"): {
        "rename": ("locker_size->smallest_locker",),  # now returns the Locker
        "extract-function": ("fits",),  # all(side <= room ...) test of locker_size -> Locker.fits
        "inline-function": ("chargeable_grams",),  # volumetric weight written into CourierRates.price
        "move-function": ("started_kilos",),  # pricing.py -> carriers.py
        "extract-class": (
            "CourierRates",  # Swiftline/Haulmark price formula of quote
            "Locker",  # LOCKERS tuples + the locker prices of quote
        ),
        "replace-conditional-with-polymorphism": (
            "quote",  # price switch -> Carrier.net_price; fuel/VAT carrier tests -> fuel_surcharge / adds_vat
            "chargeable_grams",  # SWL/HMF divisor switch -> rates.cm3_per_kilo
        ),
    },
    ("shipping-carriers", "05-replace-conditional-with-polymorphism"): {
        "extract-variable": ("HEAVY_GRAMS",),  # the 25000 of shipping_label
        "move-function": (
            "tracking_reference",  # labels.tracking_reference -> Carrier.tracking_reference per class
            "albion_check_digit",  # labels.py -> carriers.py
        ),
        "replace-conditional-with-polymorphism": (
            "tracking_reference",  # carrier switch -> method per carrier class
            "shipping_label",  # header switch, HMF dangerous mark and heavy test -> name/service/attributes
        ),
    },
    ("shipping-carriers", "06-replace-conditional-with-polymorphism"): {
        "replace-conditional-with-polymorphism": (
            "delivery_options",  # service-name switch and HMF weight test -> carrier.name/service/offered_from_g
        ),
    },
    ("shipping-carriers", "07-extract-function"): {
        "rename": (
            "require_acceptance->accepting_carrier",  # now also returns the carrier
            "carrier->code",  # its first parameter
        ),
        "extract-function": (
            "check_hour",  # hour check of delivery_days
            "promised_days",  # carrier part of delivery_days
            "problems_with",  # carrier part of check_parcel
            "check_shipment",  # check_zone + check_measurements of check_parcel
            "price",  # carrier part of quote
            "is_offered",  # skip tests of delivery_options' loop
            "delivery_option",  # DeliveryOption building of delivery_options' loop
        ),
    },
    ("shipping-carriers", "08-add-type-hints"): {},
}
