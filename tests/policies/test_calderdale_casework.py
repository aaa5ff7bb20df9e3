"""Calderdale practice standards (seed 001) checked through the england `casework` events: records
shared, meetings held, case supervision, foster carer visits and SDQs - a compliant and a breaching
history per rule encoded from them.

Every expected date is counted by hand in a comment (never with journey's calendar). England bank
holidays: 2024 - 1 Jan, 29 Mar, 1 Apr, 6 May, 27 May, 26 Aug, 25 and 26 Dec; 2025 - 1 Jan.
Months and years are calendar months and years from the start date, clamped to the month's end.
"""

from __future__ import annotations

from conftest import case, check, days, findings, late, wd

from journey.spec.load import load_policy

CAL = load_policy("calderdale")
K = "calderdale."
TM = {"by": "team_manager"}


def cd_case(*events, policy=CAL, child=None):
    return case(*events, policy=policy, child=child)


def shared(at, document, recipient="professionals"):
    return (at, "document_shared", {"document": document, "recipient": recipient})


# --- child protection -------------------------------------------------------------------------------------------

STRATEGY_RECORD = K + "child_protection.strategy_record_circulated_within_1_working_day"
CONFERENCE_MINUTES = K + "child_protection.conference_minutes_within_15_working_days"
OUTLINE_PLAN = K + "child_protection.outline_plan_within_1_working_day"
CORE_GROUP_MINUTES = K + "child_protection.core_group_minutes_within_5_working_days"


def test_strategy_record_circulated_within_1_working_day():
    # Strategy meeting Thu 28 Mar 2024; Fri 29 Mar (Good Friday) and Mon 1 Apr (Easter Monday) are
    # bank holidays, so one working day later is Tue 2 Apr; Wed 3 Apr is one working day late.
    def history(at):
        return cd_case(("2024-03-28", "strategy_discussion_held", {"outcome": "s47", **TM}),
                       shared(at, "strategy_record"))
    assert findings(check(history("2024-04-02"), CAL), STRATEGY_RECORD) == []
    assert late(check(history("2024-04-03"), CAL), STRATEGY_RECORD) == ("late", "2024-04-02", wd(1))


def plan(icpc="2024-04-04", *later):
    return cd_case(("2024-03-12", "strategy_discussion_held", {"outcome": "s47", **TM}),
                   ("2024-03-12", "s47_started", TM),
                   ("2024-03-19", "s47_concluded", {"outcome": "icpc", **TM}),
                   (icpc, "icpc_held", {"outcome": "cp_plan"}),
                   (icpc, "cp_plan_started"), *later)


def test_conference_minutes_within_15_working_days():
    # ICPC Thu 4 Apr 2024: Fri 5 (1), 8-12 Apr (6), 15-19 Apr (11), 22 (12), 23 (13), 24 (14),
    # Thu 25 Apr (15); Fri 26 Apr is one working day late.
    assert findings(check(plan("2024-04-04", shared("2024-04-25", "conference_minutes")), CAL), CONFERENCE_MINUTES) == []
    assert late(check(plan("2024-04-04", shared("2024-04-26", "conference_minutes")), CAL), CONFERENCE_MINUTES) == (
        "late", "2024-04-25", wd(1))


def test_outline_plan_within_1_working_day():
    # ICPC Thu 4 Apr 2024: one working day is Fri 5 Apr; Mon 8 Apr is one working day late.
    def history(at):
        return plan("2024-04-04", (at, "record_updated", {"subject": "plan", "by": "social_worker"}))
    assert findings(check(history("2024-04-05"), CAL), OUTLINE_PLAN) == []
    assert late(check(history("2024-04-08"), CAL), OUTLINE_PLAN) == ("late", "2024-04-05", wd(1))


def test_core_group_minutes_within_5_working_days():
    # Core group Thu 2 May 2024: Fri 3 (1), Mon 6 May bank holiday, Tue 7 (2), Wed 8 (3), Thu 9 (4),
    # Fri 10 May (5); Mon 13 May is one working day late.
    def history(at):
        return plan("2024-04-04", ("2024-05-02", "core_group_held"), shared(at, "core_group_minutes", "family"))
    assert findings(check(history("2024-05-10"), CAL), CORE_GROUP_MINUTES) == []
    assert late(check(history("2024-05-13"), CAL), CORE_GROUP_MINUTES) == ("late", "2024-05-10", wd(1))


# --- case supervision -------------------------------------------------------------------------------------------

CP_SUPERVISION = K + "workforce.cp_case_supervised_monthly"
CIN_SUPERVISION = K + "workforce.cin_case_supervised_monthly"
LAC_SUPERVISION = K + "workforce.looked_after_case_supervised_monthly"


def supervised(at):
    return (at, "case_supervision_held", {"by": "assistant_team_manager"})


def test_cp_case_supervised_monthly():
    # Plan from Thu 4 Apr 2024: first supervision by Sat 4 May; on Fri 3 May, the next is due by
    # Mon 3 Jun. A first supervision on Mon 6 May is two days after Sat 4 May.
    assert findings(check(plan("2024-04-04", supervised("2024-05-03"), supervised("2024-06-03")), CAL), CP_SUPERVISION) == []
    assert late(check(plan("2024-04-04", supervised("2024-05-06")), CAL), CP_SUPERVISION) == ("gap", "2024-05-04", days(2))


def cin_plan(*later, policy=CAL):
    return cd_case(("2024-06-10", "assessment_started"),
                   ("2024-07-01", "assessment_authorised", {"outcome": "cin_plan", **TM}),
                   ("2024-07-15", "cin_plan_started"), *later, policy=policy)


def test_cin_case_supervised_monthly():
    # Plan from Mon 15 Jul 2024: a month later is Thu 15 Aug; Fri 16 Aug is one day late.
    assert findings(check(cin_plan(supervised("2024-08-15")), CAL), CIN_SUPERVISION) == []
    assert late(check(cin_plan(supervised("2024-08-16")), CAL), CIN_SUPERVISION) == ("gap", "2024-08-15", days(1))
    # Read as four weeks: Mon 15 Jul + 28 days = Mon 12 Aug; Thu 15 Aug is three days late.
    policy = load_policy("calderdale", {CIN_SUPERVISION: "four_weeks"})
    assert late(check(cin_plan(supervised("2024-08-15"), policy=policy), policy), CIN_SUPERVISION) == (
        "gap", "2024-08-12", days(3))


def looked_after(start="2024-01-31", *later):
    return cd_case((start, "looked_after_started", {"legal_status": "C2", "placement_type": "U3"}), *later)


def test_looked_after_case_supervised_monthly():
    # Looked after from Wed 31 Jan 2024: a month later is clamped to Thu 29 Feb 2024 (leap year);
    # Fri 1 Mar is one day late.
    assert findings(check(looked_after("2024-01-31", supervised("2024-02-29")), CAL), LAC_SUPERVISION) == []
    assert late(check(looked_after("2024-01-31", supervised("2024-03-01")), CAL), LAC_SUPERVISION) == (
        "gap", "2024-02-29", days(1))


# --- care leavers: supervision ----------------------------------------------------------------------------------

LC_SUPERVISION_16_17 = K + "leaving_care.supervision_monthly_aged_16_17"
LC_SUPERVISION_18 = K + "leaving_care.supervision_2_monthly_from_18_then_3_monthly_from_21"


def care_leaver(child, status, since, *later, policy=CAL):
    return cd_case((since, "care_leaver_status_changed", {"status": status}), *later, policy=policy, child=child)


def test_care_leaver_supervised_monthly_at_16_and_17():
    # 16 on Sat 10 Feb 2024, eligible that day: first supervision due a month later, Sun 10 Mar;
    # Tue 12 Mar is two days late.
    child = {"date_of_birth": "2008-02-10"}
    assert findings(check(care_leaver(child, "eligible", "2024-02-10", supervised("2024-03-08")), CAL),
                    LC_SUPERVISION_16_17) == []
    assert late(check(care_leaver(child, "eligible", "2024-02-10", supervised("2024-03-12")), CAL),
                LC_SUPERVISION_16_17) == ("gap", "2024-03-10", days(2))


def test_care_leaver_supervised_every_2_months_from_18():
    # 20 years old (born 1 Jan 2004); former relevant from Mon 15 Jan 2024: due Fri 15 Mar, then
    # two months from Fri 15 Mar = Wed 15 May; Fri 17 May is two days late.
    child = {"date_of_birth": "2004-01-01"}
    assert findings(check(care_leaver(child, "former_relevant", "2024-01-15", supervised("2024-03-15"),
                                      supervised("2024-05-15")), CAL), LC_SUPERVISION_18) == []
    assert late(check(care_leaver(child, "former_relevant", "2024-01-15", supervised("2024-03-15"),
                                  supervised("2024-05-17")), CAL), LC_SUPERVISION_18) == ("gap", "2024-05-15", days(2))
    # Read for a young person who is not settled (monthly): Mon 15 Jan + 1 month = Thu 15 Feb;
    # a first supervision on Fri 15 Mar is 29 days late (16 Feb - 15 Mar, 2024 a leap year).
    policy = load_policy("calderdale", {LC_SUPERVISION_18: "unsettled"})
    assert late(check(care_leaver(child, "former_relevant", "2024-01-15", supervised("2024-03-15"), policy=policy),
                      policy), LC_SUPERVISION_18) == ("gap", "2024-02-15", days(29))


def test_care_leaver_supervised_every_3_months_from_21():
    # 24 years old (born 1 Jan 2000); former relevant from Thu 1 Feb 2024, supervised Thu 28 Mar;
    # three months later is Fri 28 Jun; Mon 1 Jul is three days late.
    child = {"date_of_birth": "2000-01-01"}
    assert findings(check(care_leaver(child, "former_relevant", "2024-02-01", supervised("2024-03-28"),
                                      supervised("2024-06-28")), CAL), LC_SUPERVISION_18) == []
    assert late(check(care_leaver(child, "former_relevant", "2024-02-01", supervised("2024-03-28"),
                                  supervised("2024-07-01")), CAL), LC_SUPERVISION_18) == ("gap", "2024-06-28", days(3))


# --- looked after: permanence planning, SDQs, review minutes ---------------------------------------------------

PERMANENCE_MEETINGS = K + "looked_after.permanence_planning_meetings_within_10_days_then_6_weekly"
SDQ_FIRST = K + "looked_after.sdq_within_6_months_from_age_4"
SDQ_ANNUAL = K + "looked_after.sdq_annually"
REVIEW_MINUTES = K + "looked_after.review_minutes_within_20_working_days"


def ppm(at):
    return (at, "meeting_held", {"meeting": "permanence_planning", "by": "assistant_team_manager"})


def test_permanence_planning_meeting_within_10_days_then_6_weekly():
    # Looked after from Wed 31 Jan 2024: 10 days later is Sat 10 Feb. A meeting on Fri 9 Feb, then
    # six weeks later Fri 22 Mar, is compliant.
    assert findings(check(looked_after("2024-01-31", ppm("2024-02-09"), ppm("2024-03-22")), CAL), PERMANENCE_MEETINGS) == []
    # A first meeting on Mon 12 Feb is two days after Sat 10 Feb.
    assert late(check(looked_after("2024-01-31", ppm("2024-02-12")), CAL), PERMANENCE_MEETINGS) == (
        "gap", "2024-02-10", days(2))
    # Fri 9 Feb + 6 weeks = Fri 22 Mar; Mon 25 Mar is three days late.
    assert late(check(looked_after("2024-01-31", ppm("2024-02-09"), ppm("2024-03-25")), CAL), PERMANENCE_MEETINGS) == (
        "gap", "2024-03-22", days(3))


def test_permanence_planning_meeting_in_10_working_days_under_that_reading():
    # Wed 31 Jan 2024: Thu 1 Feb (1), Fri 2 (2), 5-9 Feb (7), Mon 12 (8), Tue 13 (9), Wed 14 Feb (10);
    # Wed 14 Feb is on time, Thu 15 Feb one day late (a recurring gap is measured in days).
    policy = load_policy("calderdale", {PERMANENCE_MEETINGS: "working_days"})
    history = cd_case(("2024-01-31", "looked_after_started", {"legal_status": "C2", "placement_type": "U3"}),
                      ppm("2024-02-14"), policy=policy)
    assert findings(check(history, policy), PERMANENCE_MEETINGS) == []
    history = cd_case(("2024-01-31", "looked_after_started", {"legal_status": "C2", "placement_type": "U3"}),
                      ppm("2024-02-15"), policy=policy)
    assert late(check(history, policy), PERMANENCE_MEETINGS) == ("gap", "2024-02-14", days(1))


def sdq(at):
    return (at, "sdq_completed")


def test_sdq_within_6_months_of_becoming_looked_after():
    # Aged 8 (born 10 May 2015), looked after from Wed 31 Jan 2024: six months later is Wed 31 Jul;
    # Thu 1 Aug is one day late.
    child = {"date_of_birth": "2015-05-10"}
    start = ("2024-01-31", "looked_after_started", {"legal_status": "C2", "placement_type": "U3"})
    assert findings(check(cd_case(start, sdq("2024-07-31"), child=child), CAL), SDQ_FIRST) == []
    assert late(check(cd_case(start, sdq("2024-08-01"), child=child), CAL), SDQ_FIRST) == ("late", "2024-07-31", days(1))


def test_sdq_within_6_months_of_turning_4():
    # Aged 3 when looked after on Wed 31 Jan 2024; 4 on Fri 15 Mar 2024 + 6 months = Sun 15 Sep;
    # Mon 16 Sep is one day late.
    child = {"date_of_birth": "2020-03-15"}
    start = ("2024-01-31", "looked_after_started", {"legal_status": "C2", "placement_type": "U3"})
    assert findings(check(cd_case(start, sdq("2024-09-15"), child=child), CAL), SDQ_FIRST) == []
    assert late(check(cd_case(start, sdq("2024-09-16"), child=child), CAL), SDQ_FIRST) == ("late", "2024-09-15", days(1))


def test_sdq_annually():
    # SDQ Wed 31 Jul 2024 + 12 months = Thu 31 Jul 2025; Mon 4 Aug 2025 is four days late.
    child = {"date_of_birth": "2015-05-10"}
    start = ("2024-01-31", "looked_after_started", {"legal_status": "C2", "placement_type": "U3"})
    assert findings(check(cd_case(start, sdq("2024-07-31"), sdq("2025-07-31"), child=child), CAL), SDQ_ANNUAL) == []
    assert late(check(cd_case(start, sdq("2024-07-31"), sdq("2025-08-04"), child=child), CAL), SDQ_ANNUAL) == (
        "gap", "2025-07-31", days(4))


def test_review_minutes_within_20_working_days():
    # Review Thu 7 Mar 2024: Fri 8 (1), 11-15 Mar (6), 18-22 Mar (11), 25-28 Mar (15), Fri 29 Mar
    # and Mon 1 Apr bank holidays, Tue 2 Apr (16), 3 (17), 4 (18), 5 (19), Mon 8 Apr (20);
    # Tue 9 Apr is one working day late.
    def history(at):
        return looked_after("2024-01-31", ("2024-01-31", "care_plan_prepared"), ("2024-03-07", "lac_review_held"),
                            shared(at, "review_minutes", "family"))
    assert findings(check(history("2024-04-08"), CAL), REVIEW_MINUTES) == []
    assert late(check(history("2024-04-09"), CAL), REVIEW_MINUTES) == ("late", "2024-04-08", wd(1))


# --- fostering: visits to foster carers and placement planning meetings ----------------------------------------

SUPERVISORY_VISITS = K + "fostering.supervisory_visits_every_3_months"
UNANNOUNCED_VISITS = K + "fostering.unannounced_visits_every_6_months"
MONTHLY_VISITS = K + "fostering.carers_visited_monthly"
PLACEMENT_PLANNING_FIRST = K + "fostering.placement_planning_meeting_within_5_working_days"
PLACEMENT_PLANNING_MOVE = K + "fostering.placement_planning_meeting_for_each_new_foster_placement"


def approved_carer(*visits):
    return cd_case(("2024-02-29", "foster_carer_approved"),
                   *[(at, "foster_carer_visited", {"unannounced": unannounced}) for at, unannounced in visits])


def test_supervisory_visits_every_3_months():
    # Approved Thu 29 Feb 2024 + 3 months = Wed 29 May; Fri 31 May is two days late.
    assert findings(check(approved_carer(("2024-05-29", False)), CAL), SUPERVISORY_VISITS) == []
    assert late(check(approved_carer(("2024-05-31", False)), CAL), SUPERVISORY_VISITS) == ("gap", "2024-05-29", days(2))
    # An unannounced visit on Wed 29 May is not a supervisory visit: the next announced one, Fri
    # 31 May, is still two days late.
    assert late(check(approved_carer(("2024-05-29", True), ("2024-05-31", False)), CAL), SUPERVISORY_VISITS) == (
        "gap", "2024-05-29", days(2))


def test_unannounced_visits_every_6_months():
    # Approved Thu 29 Feb 2024 + 6 months = Thu 29 Aug; Fri 30 Aug is one day late.
    assert findings(check(approved_carer(("2024-08-29", True)), CAL), UNANNOUNCED_VISITS) == []
    assert late(check(approved_carer(("2024-08-30", True)), CAL), UNANNOUNCED_VISITS) == ("gap", "2024-08-29", days(1))


def test_carers_visited_monthly():
    # Approved Thu 29 Feb 2024 + 1 month = Fri 29 Mar; Tue 2 Apr is four days late.
    assert findings(check(approved_carer(("2024-03-28", False)), CAL), MONTHLY_VISITS) == []
    assert late(check(approved_carer(("2024-04-02", True)), CAL), MONTHLY_VISITS) == ("gap", "2024-03-29", days(4))


def placement_planning(at):
    return (at, "meeting_held", {"meeting": "placement_planning", "by": "social_worker"})


def test_placement_planning_meeting_within_5_working_days_of_a_foster_placement():
    # Placed with foster carers Thu 28 Mar 2024: Fri 29 Mar and Mon 1 Apr are bank holidays; Tue 2
    # (1), 3 (2), 4 (3), Fri 5 (4), Mon 8 Apr (5); Tue 9 Apr is one working day late.
    def history(at, placement_type="U3"):
        return cd_case(("2024-03-28", "looked_after_started", {"legal_status": "C2", "placement_type": placement_type}),
                       placement_planning(at))
    assert findings(check(history("2024-04-08"), CAL), PLACEMENT_PLANNING_FIRST) == []
    assert late(check(history("2024-04-09"), CAL), PLACEMENT_PLANNING_FIRST) == ("late", "2024-04-08", wd(1))
    # A children's home placement (K2) is not a foster placement: no clock.
    assert findings(check(history("2024-04-09", "K2"), CAL), PLACEMENT_PLANNING_FIRST) == []


def test_placement_planning_meeting_for_each_new_foster_placement():
    # New foster placement Fri 3 May 2024: Mon 6 May bank holiday; Tue 7 (1), 8 (2), 9 (3),
    # Fri 10 (4), Mon 13 May (5); Tue 14 May is one working day late.
    def history(at):
        return cd_case(("2024-03-28", "looked_after_started", {"legal_status": "C2", "placement_type": "U3"}),
                       placement_planning("2024-04-02"),
                       ("2024-05-03", "placement_changed", {"placement_type": "U4"}),
                       placement_planning(at))
    assert findings(check(history("2024-05-13"), CAL), PLACEMENT_PLANNING_MOVE) == []
    assert late(check(history("2024-05-14"), CAL), PLACEMENT_PLANNING_MOVE) == ("late", "2024-05-13", wd(1))


# --- front door and child in need: outcome letters and plans shared --------------------------------------------

REFERRER_TOLD = K + "front_door.referrer_told_outcome_within_24_hours"
CIN_PLAN_COPY = K + "child_in_need.plan_copy_within_5_working_days"


def test_referrer_told_outcome_within_24_hours():
    # Decision Thu 2 May 2024 15:30 -> due Fri 3 May 15:30; a letter at 17:30 is 2 hours late.
    def history(at):
        return cd_case(("2024-05-02T09:00", "contact_received"),
                       ("2024-05-02T15:30", "referral_decision", {"outcome": "assessment", **TM}),
                       (at, "document_shared", {"document": "outcome_letter", "recipient": "referrer"}))
    assert findings(check(history("2024-05-03T15:00"), CAL), REFERRER_TOLD) == []
    assert late(check(history("2024-05-03T17:30"), CAL), REFERRER_TOLD) == (
        "late", "2024-05-03T15:30", {"value": 2, "unit": "hours"})


def test_cin_plan_copy_within_5_working_days():
    # Plan meeting Wed 21 Aug 2024: Thu 22 (1), Fri 23 (2), Mon 26 Aug bank holiday, Tue 27 (3),
    # Wed 28 (4), Thu 29 Aug (5); Fri 30 Aug is one working day late.
    def history(*later):
        return cd_case(("2024-07-29", "assessment_started"),
                       ("2024-08-12", "assessment_authorised", {"outcome": "cin_plan", **TM}),
                       ("2024-08-21", "cin_plan_started"), *later)
    assert findings(check(history(shared("2024-08-29", "plan", "family")), CAL), CIN_PLAN_COPY) == []
    assert late(check(history(shared("2024-08-30", "plan", "family")), CAL), CIN_PLAN_COPY) == ("late", "2024-08-29", wd(1))
    # A copy to the professionals on Thu 22 Aug does not stop the family's clock.
    assert late(check(history(shared("2024-08-22", "plan", "professionals"), shared("2024-08-30", "plan", "child")), CAL),
                CIN_PLAN_COPY) == ("late", "2024-08-29", wd(1))


# --- case recording ---------------------------------------------------------------------------------------------

STRATEGY_DOCUMENT = K + "child_protection.strategy_record_completed_immediately"
STRATEGY_DOCUMENT_BY = K + "child_protection.strategy_record_completed_by_manager"
CP_VISIT_RECORDED = K + "child_protection.cp_visit_recorded_within_24_hours"
VISIT_RECORDED = K + "workforce.visit_recorded_within_48_hours"


def strategy_recorded(strategy_at, recorded_at, by="team_manager", policy=CAL):
    return cd_case((strategy_at, "strategy_discussion_held", {"outcome": "s47", **TM}),
                   (recorded_at, "record_updated", {"subject": "strategy_discussion", "by": by}), policy=policy)


def test_strategy_document_completed_immediately():
    # Read as the same day: strategy Tue 12 Mar 2024, recorded that day; Wed 13 Mar is a day late.
    assert findings(check(strategy_recorded("2024-03-12", "2024-03-12"), CAL), STRATEGY_DOCUMENT) == []
    assert late(check(strategy_recorded("2024-03-12", "2024-03-13"), CAL), STRATEGY_DOCUMENT) == (
        "late", "2024-03-12", days(1))
    # Read as the next working day: strategy Thu 28 Mar 2024; Fri 29 Mar and Mon 1 Apr are bank
    # holidays, so due Tue 2 Apr; Wed 3 Apr is one working day late.
    policy = load_policy("calderdale", {STRATEGY_DOCUMENT: "next_working_day"})
    assert findings(check(strategy_recorded("2024-03-28", "2024-04-02", policy=policy), policy), STRATEGY_DOCUMENT) == []
    assert late(check(strategy_recorded("2024-03-28", "2024-04-03", policy=policy), policy), STRATEGY_DOCUMENT) == (
        "late", "2024-04-02", wd(1))


def test_strategy_document_completed_by_the_team_or_practice_manager():
    for by, kinds in [("team_manager", []), ("assistant_team_manager", []), ("social_worker", ["guard_failed"])]:
        verdict = check(strategy_recorded("2024-03-12", "2024-03-12", by), CAL)
        assert [f.kind for f in findings(verdict, STRATEGY_DOCUMENT_BY)] == kinds, by


def test_cp_visit_recorded_within_24_hours():
    # Visit Wed 10 Apr 2024 14:00 -> due Thu 11 Apr 14:00; recorded at 16:00 is 2 hours late.
    def history(at):
        return plan("2024-04-04", ("2024-04-10T14:00", "visit", {"purpose": "cp", "seen": True}),
                    (at, "record_updated", {"subject": "visit", "by": "social_worker"}))
    assert findings(check(history("2024-04-11T13:00"), CAL), CP_VISIT_RECORDED) == []
    assert late(check(history("2024-04-11T16:00"), CAL), CP_VISIT_RECORDED) == (
        "late", "2024-04-11T14:00", {"value": 2, "unit": "hours"})


def test_visit_recorded_within_48_hours():
    # Visit Fri 2 Aug 2024 10:00 -> due Sun 4 Aug 10:00 (clock hours run through the weekend);
    # recorded Mon 5 Aug 11:00 is 25 hours late.
    def history(at):
        return cin_plan(("2024-08-02T10:00", "visit", {"purpose": "cin", "seen": True}),
                        (at, "record_updated", {"subject": "visit", "by": "social_worker"}))
    assert findings(check(history("2024-08-04T09:00"), CAL), VISIT_RECORDED) == []
    assert late(check(history("2024-08-05T11:00"), CAL), VISIT_RECORDED) == (
        "late", "2024-08-04T10:00", {"value": 25, "unit": "hours"})


IRO_DECISIONS = K + "looked_after.iro_decisions_recorded_within_5_days"


def test_iro_decisions_recorded_within_5_days():
    # Review Thu 7 Mar 2024 + 5 days = Tue 12 Mar; Wed 13 Mar is one day late.
    def history(at, by="iro", policy=CAL):
        return cd_case(("2024-01-31", "looked_after_started", {"legal_status": "C2", "placement_type": "U3"}),
                       ("2024-01-31", "care_plan_prepared"), ("2024-03-07", "lac_review_held"),
                       (at, "record_updated", {"subject": "decision", "by": by}), policy=policy)
    assert findings(check(history("2024-03-12"), CAL), IRO_DECISIONS) == []
    assert late(check(history("2024-03-13"), CAL), IRO_DECISIONS) == ("late", "2024-03-12", days(1))
    # A decision recorded by the social worker is not the IRO's report: still due Tue 12 Mar.
    assert late(check(history("2024-03-12", "social_worker"), CAL, as_of="2024-03-13"), IRO_DECISIONS)[:2] == (
        "missing", "2024-03-12")
    # Read as working days: Fri 8 (1), 11 (2), 12 (3), 13 (4), Thu 14 Mar (5); Fri 15 Mar is one
    # working day late.
    policy = load_policy("calderdale", {IRO_DECISIONS: "working_days"})
    assert late(check(history("2024-03-15", policy=policy), policy), IRO_DECISIONS) == ("late", "2024-03-14", wd(1))


CO_ALLOCATED = K + "leaving_care.co_allocated_by_17_and_a_half"


def test_co_allocated_to_the_pathways_team_by_17_and_a_half():
    # Born 10 Sep 2006: 17 on Sun 10 Sep 2023, 17 and a half six months later on Sun 10 Mar 2024.
    child = {"date_of_birth": "2006-09-10"}

    def history(at, policy=CAL):
        return care_leaver(child, "eligible", "2024-01-05", (at, "case_allocated", {"team": "leaving_care", **TM}),
                           policy=policy)
    # Co-allocated early, Tue 20 Feb: met (checked as of Mon 1 Apr, after the due date).
    assert findings(check(history("2024-02-20"), CAL, as_of="2024-04-01"), CO_ALLOCATED) == []
    # Tue 12 Mar is two days after Sun 10 Mar.
    assert late(check(history("2024-03-12"), CAL), CO_ALLOCATED) == ("late", "2024-03-10", days(2))
    # Allowing a month for the panel: Sun 10 Mar + 1 month = Wed 10 Apr, so Tue 12 Mar is in time.
    policy = load_policy("calderdale", {CO_ALLOCATED: "one_month"})
    assert findings(check(history("2024-03-12", policy), policy), CO_ALLOCATED) == []


PM_RESPONSE = K + "looked_after.practice_manager_responds_to_review_decisions_within_5_working_days"


def test_practice_manager_responds_to_review_decisions_within_5_working_days():
    # IRO's decisions recorded Fri 24 May 2024: Mon 27 May bank holiday; Tue 28 (1), 29 (2), 30 (3),
    # Fri 31 May (4), Mon 3 Jun (5); Tue 4 Jun is one working day late.
    def history(at, by="assistant_team_manager"):
        return cd_case(("2024-01-31", "looked_after_started", {"legal_status": "C2", "placement_type": "U3"}),
                       ("2024-01-31", "care_plan_prepared"), ("2024-05-21", "lac_review_held"),
                       ("2024-05-24", "record_updated", {"subject": "decision", "by": "iro"}),
                       (at, "record_updated", {"subject": "decision", "by": by}))
    assert findings(check(history("2024-06-03"), CAL), PM_RESPONSE) == []
    assert late(check(history("2024-06-04"), CAL), PM_RESPONSE) == ("late", "2024-06-03", wd(1))
    # A social worker's decision record is not the practice manager's response.
    assert late(check(history("2024-06-03", "social_worker"), CAL, as_of="2024-06-04"), PM_RESPONSE)[:2] == (
        "missing", "2024-06-03")
