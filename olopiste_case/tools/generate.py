# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Synthetic data shaped like the reference case, at any scale.

At scale 1 the generator creates one project shaped like the Olopiste
reference case of the README: 134 clients, 5,035
participation hours, average age 47 at entry, 56 % women, an average client
period of 11 months and 71 clients on a follow-on path. At scale ``s`` it
creates ``ceil(s)`` such projects with ``round(134 * s)`` clients and
``round(5035 * s)`` hours in all, as an organisation with many projects
would have.

Everything is drawn from ``random.Random(seed)``: the same seed gives the
same figures (counts, hours, ages, genders, stages, dates). Nothing depends
on today's date: the projects run in fixed periods starting in 2015–2017,
ages are ages at entry, and the only date-dependent field is Odoo's own
``age`` of a contact (computed from today by partner_contact_birthdate).

Records are created through the ORM, in batches (``create`` on lists) with
tracking, chatter logging and activity notifications off. There is no SQL:
100× takes a few minutes on two cores through the ORM. Should it ever be
needed, the place for it is the attendance rows (about 70 % of the rows; their
stored related fields and the cases' totals would then be filled by hand). Record codes and logins carry the seed and
a run number, so the generator can run again on the same database.

Use it from the command line (see README.md)::

    python3 scripts/olopiste.py generate --scale 10 --seed 1

or from Python, e.g. in a test::

    counts = generate(env, scale=0.1, seed=1)

Referrals (one started follow-on path per case in a follow-on stage, types
in the reference case's proportions) and self-assessments (initial and final
for every client who left, improved / unchanged / worse 31 / 66 / 3 %) are
added by the functions in ``EXTENSIONS``, and so are, with olopiste_reports
installed, each project's analytic account with cost lines, its financing
shares and its wage-subsidy appropriation (the seed project's figures in
proportion to its clients). An extension is ``f(env, rng, context) -> dict`` (``context``
holds the projects, cases with their windows, events and workers created so
far); its counts are added to the result.
"""

import math
import random
import time
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta

REFERENCE = {
    "clients": 134,
    "hours": 5035,
    "age": 47,
    "women": 0.56,
    "followon": 71,
    "period_days": 335,  # 11 months
}
CONTEXT = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "no_reset_password": True,
    "no_mail_to_attendees": True,
    "dont_notify": True,
    # the six-month follow-up activities of exited cases are created, but
    # without a notification e-mail each (that was half the generation time)
    "mail_activity_quick_update": True,
    # attendance dates are the events' days in this time zone
    "tz": "Europe/Helsinki",
}
FEMALE = (
    "Aino Anna Anneli Eija Elina Helena Hanna Heidi Johanna Katja Kirsi Laura "
    "Leena Liisa Maarit Marja Minna Niina Outi Paula Piia Riikka Sanna Satu "
    "Sirpa Tiina Tuula Ulla Veera Virpi"
).split()
MALE = (
    "Antti Ari Eero Esa Hannu Heikki Janne Jari Jukka Juha Kalle Kari Markku "
    "Marko Matti Mika Mikko Olli Pasi Pekka Petri Sami Seppo Tapio Teemu Timo "
    "Tuomas Veikko Ville Jouni"
).split()
OTHER = ("Alex", "Kim", "Niki", "Robin", "Sasha", "Toni")
SURNAMES = (
    "Esimerkki Malli Testinen Kokeilu Mallinen Esimerkkinen Testaaja Kuvitelma "
    "Keksitty Harjoitus Näytteinen Koekäyttäjä Mallikas Kuvitteellinen Demo"
).split()
AREAS = (
    ("Keskusta", "Lahti"),
    ("Pohjoinen", "Hollola, Kärkölä"),
    ("Itä", "Orimattila"),
)
# stage kind -> share of clients (follow-on path: 71 of 134)
STAGE_SHARES = (
    ("encounter", 0.05),
    ("mapping", 0.07),
    ("engagement", 0.15),
    ("closed", 0.20),
)
FOLLOWON_SITUATIONS = (
    ("employed", 29),
    ("other_service", 9 + 10 + 42),  # work trials, rehabilitative work, other paths
    ("education", 5),
    ("inactive", 5),  # retired
)
CLOSED_SITUATIONS = (
    ("job_seeking", 40),
    ("inactive", 25),
    ("other", 15),
    ("unknown", 20),
)
LABOUR = (
    ("long_term_unemployed", 55),
    ("unemployed", 28),
    ("inactive", 14),
    ("employed", 3),
)
EDUCATION = (("isced_0_2", 40), ("isced_3_4", 45), ("isced_5_8", 15))
REFERRAL = (
    ("employment_services", 30),
    ("social_services", 20),
    ("outreach", 20),
    ("friend", 10),
    ("self", 10),
    ("organisation", 5),
    ("health_services", 5),
)
# kind, share of sessions, duration choices (hours), participants (min, max)
SESSION_KINDS = (
    ("individual", 40, (1.0, 1.5), (1, 1)),
    ("group", 20, (2.0, 3.0), (4, 10)),
    ("theme_group", 15, (2.0, 3.0), (4, 8)),
    ("nonstop", 12, (3.0, 4.0), (3, 12)),
    ("workplace_visit", 5, (2.0, 3.0), (3, 8)),
    ("excursion", 3, (5.0, 6.0), (4, 10)),
    ("course", 5, (6.0, 7.0), (4, 12)),
)
PROJECT_DAYS = 3 * 365
# the open (NonStop) session is one weekly recurring event per project: two
# days after the weekday the project started on, at the same local time
NONSTOP_DAY = 2
NONSTOP_HOURS = 3.0
NONSTOP_UTC_HOUR = 7
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
BATCH = 2000
# follow-on path type (xml id) -> share of the clients on a path (DOMAIN.md:
# working 29 %, work trial 9 %, studying 5 %, rehabilitative 10 %, retired 5 %,
# the rest other services and workshops)
FOLLOWON_TYPES = (
    ("followon_type_work_open", 12),
    ("followon_type_work_wage_subsidy", 12),
    ("followon_type_work_other_subsidised", 5),
    ("followon_type_work_trial", 9),
    ("followon_type_studies", 5),
    ("followon_type_rehabilitative", 10),
    ("followon_type_pension", 5),
    ("followon_type_workshop", 21),
    ("followon_type_other_service", 21),
)
# self-assessment change of the clients who left: 31 / 66 / 3 %
CAPACITY_SHARES = (("improved", 31), ("unchanged", 66), ("worse", 3))


def _referrals(env, rng, context):
    """An outgoing referral, started on the exit day, for every case on a path."""
    types = {
        xmlid: env.ref(f"olopiste_case.{xmlid}") for xmlid, _share in FOLLOWON_TYPES
    }
    organisations = _batched(
        env,
        "res.partner",
        [
            {"name": name, "is_company": True, "is_olopiste_partner_org": True}
            for name in ("Työpaja Esimerkki", "Kuntouttava Malli", "Opisto Testinen")
        ],
    )
    values = []
    for cases in context["cases"]:
        on_path = cases.filtered(lambda c: c.stage_kind == "followon")
        weights = _apportion(len(on_path), [share for _x, share in FOLLOWON_TYPES])
        chosen = [
            xmlid
            for (xmlid, _share), count in zip(FOLLOWON_TYPES, weights, strict=True)
            for _i in range(count)
        ]
        rng.shuffle(chosen)
        for case, xmlid in zip(on_path, chosen, strict=True):
            planned = max(case.date_entry, case.date_exit - timedelta(days=45))
            values.append(
                {
                    "case_id": case.id,
                    "direction": "out",
                    "organisation_id": rng.choice(organisations).id,
                    "followon_type_id": types[xmlid].id,
                    "state": "started",
                    "date_planned": planned,
                    "date_referred": min(planned + timedelta(days=7), case.date_exit),
                    "date_started": case.date_exit,
                    "user_id": case.user_id.id,
                }
            )
    return {"referrals": len(_batched(env, "olopiste.referral", values))}


def _assessments(env, rng, context):
    """Initial and final self-assessments of every client who left."""
    dimensions = env["olopiste.assessment.dimension"].search([])
    values = []
    for cases in context["cases"]:
        left = cases.filtered("date_exit")
        weights = _apportion(len(left), [share for _x, share in CAPACITY_SHARES])
        changes = [
            change
            for (change, _share), count in zip(CAPACITY_SHARES, weights, strict=True)
            for _i in range(count)
        ]
        rng.shuffle(changes)
        step = {"improved": 1, "unchanged": 0, "worse": -1}
        for case, change in zip(left, changes, strict=True):
            first = [rng.randint(3, 7) for _d in dimensions]
            last = [score + step[change] for score in first]
            for day, kind, scores in (
                (case.date_entry, "initial", first),
                (case.date_exit, "final", last),
            ):
                values.append(
                    {
                        "case_id": case.id,
                        "date": day,
                        "kind": kind,
                        "line_ids": [
                            (0, 0, {"dimension_id": d.id, "score": score})
                            for d, score in zip(dimensions, scores, strict=True)
                        ],
                    }
                )
    return {"assessments": len(_batched(env, "olopiste.assessment", values))}


# the seed project's costs (DOMAIN.md): 399,546.00 € eligible in all with the
# 17 % flat rate on staff costs, of which 106,920.00 € (99 % of a 108,000 €
# appropriation) wage-subsidised employment of clients
COSTS = (
    # cost category (xml id), amount, lines: "monthly", "quarterly" or "paths"
    ("cost_category_staff", Decimal("220000.00"), "monthly"),
    ("cost_category_services", Decimal("28000.00"), "quarterly"),
    ("cost_category_travel", Decimal("7226.00"), "monthly"),
    ("cost_category_wage_subsidy", Decimal("106920.00"), "paths"),
)
WAGE_SUBSIDY_APPROPRIATION = Decimal("108000.00")
FINANCING = (("ESR ja valtio", 80), ("Kunta", 20))


def _costs(env, rng, context):
    """Analytic cost lines, financing shares and the wage-subsidy appropriation.

    Each project gets an account in the analytic "Projects" plan and the seed
    project's costs in proportion to its clients (a 134-client project: exactly
    the seed figures), on monthly, quarterly or per-person lines whose cents
    add up to the amounts. Only with olopiste_reports installed.
    """
    if "olopiste.cost.category" not in env:
        return {}
    plan, _other_plans = env["account.analytic.plan"]._get_all_plans()
    column = plan._column_name()
    wage_type = env.ref("olopiste_case.followon_type_work_wage_subsidy")
    lines = []
    for project, cases in zip(context["projects"], context["cases"], strict=True):
        factor = Decimal(len(cases)) / REFERENCE["clients"]
        account = env["account.analytic.account"].create(
            {"name": project.name, "code": project.code, "plan_id": plan.id}
        )
        project.write(
            {
                "analytic_account_id": account.id,
                "wage_subsidy_amount": float(WAGE_SUBSIDY_APPROPRIATION * factor),
                "financing_ids": [
                    (0, 0, {"name": name, "percent": percent})
                    for name, percent in FINANCING
                ],
            }
        )
        months = [  # month ends, the last one the project's end
            min(project.date_start + relativedelta(months=m, day=31), project.date_end)
            for m in range(PROJECT_DAYS * 12 // 365)
        ]
        paths = cases.referral_ids.filtered(lambda r: r.followon_type_id == wage_type)
        for xmlid, amount, spread in COSTS:
            category = env.ref(f"olopiste_reports.{xmlid}")
            if spread == "paths":
                # a small project may have nobody on wage subsidy yet
                days = sorted(paths.mapped("date_started")) or months[-1:]
            elif spread == "quarterly":
                days = months[2::3]
            else:
                days = months
            cents = int((amount * factor).quantize(Decimal("0.01")) * 100)
            weights = [rng.randint(90, 110) for _day in days]
            for day, part in zip(days, _apportion(cents, weights), strict=True):
                lines.append(
                    {
                        "name": f"{category.name} {day:%Y-%m}",
                        "date": day,
                        column: account.id,
                        "amount": -part / 100,
                        "olopiste_cost_category_id": category.id,
                    }
                )
    return {"cost_lines": len(_batched(env, "account.analytic.line", lines))}


EXTENSIONS = [_referrals, _assessments, _costs]


def _weighted(rng, choices):
    values = [c[0] for c in choices]
    weights = [c[1] for c in choices]
    return rng.choices(values, weights=weights)[0]


def _apportion(total, weights):
    """Split the integer `total` by `weights` exactly (largest remainder)."""
    weight_sum = sum(weights)
    if not weight_sum:
        return [0] * len(weights)
    raw = [total * w / weight_sum for w in weights]
    parts = [math.floor(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: (parts[i] - raw[i], i))
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


def _batched(env, model, values_list):
    records = env[model].browse()
    for start in range(0, len(values_list), BATCH):
        records |= env[model].create(values_list[start : start + BATCH])
    return records


def _ages(rng, count, mean):
    """Integer ages at entry, 18–67, whose mean is `mean` to the year."""
    ages = [min(67, max(18, round(rng.gauss(mean, 11)))) for _ in range(count)]
    target = round(mean * count)
    while sum(ages) != target:
        i = rng.randrange(count)
        step = 1 if sum(ages) < target else -1
        if 18 <= ages[i] + step <= 67:
            ages[i] += step
    return ages


def _genders(rng, count, women_share):
    women = round(count * women_share)
    other = count // 100
    genders = ["female"] * women + ["other"] * other
    genders += ["male"] * (count - len(genders))
    rng.shuffle(genders)
    return genders


def _stage_kinds(rng, count):
    followon = round(count * REFERENCE["followon"] / REFERENCE["clients"])
    kinds = ["followon"] * followon
    rest = count - followon
    parts = _apportion(rest, [share for _kind, share in STAGE_SHARES])
    for (kind, _share), part in zip(STAGE_SHARES, parts, strict=True):
        kinds += [kind] * part
    rng.shuffle(kinds)
    return kinds


def _workers(env, rng, code, count):
    group = env.ref("olopiste_case.group_olopiste_worker")
    manager_group = env.ref("olopiste_case.group_olopiste_manager")
    values = []
    for i in range(count):
        first = rng.choice(FEMALE + MALE)
        login = f"{code.lower()}.worker{i + 1}"
        values.append(
            {
                "name": f"{first} Ohjaaja-{code}-{i + 1}",
                "login": login,
                "email": f"{login}@example.invalid",
                "groups_id": [(6, 0, [(manager_group if i == 0 else group).id])],
            }
        )
    return env["res.users"].create(values)


def _project(env, rng, seed, index, run):
    code = f"G{seed}-{run + index + 1:03d}"
    start = date(2015, 9, 1) + relativedelta(months=3 * (index % 8))
    workers = _workers(env, rng, code, 3)
    project = env["olopiste.project"].create(
        {
            "name": f"Generoitu hanke {code}",
            "code": code,
            "programme": "esf_2014",
            "date_start": start,
            "date_end": start + timedelta(days=PROJECT_DAYS - 1),
            "flat_rate": 17,
            "manager_id": workers[0].id,
            "user_ids": [(6, 0, workers.ids)],
        }
    )
    areas = env["olopiste.area"].create(
        [
            {
                "name": name,
                "municipalities": municipalities,
                "project_id": project.id,
                "user_ids": [(6, 0, [workers[i % len(workers)].id])],
                "sequence": 10 * (i + 1),
            }
            for i, (name, municipalities) in enumerate(AREAS)
        ]
    )
    return project, areas, workers


def _client_rows(rng, project, areas, workers, count, stages, target_groups):
    """Partner and case values for `count` clients of `project`."""
    ages = _ages(rng, count, REFERENCE["age"])
    genders = _genders(rng, count, REFERENCE["women"])
    kinds = _stage_kinds(rng, count)
    start, end = project.date_start, project.date_end
    partners, cases, windows = [], [], []
    mean = REFERENCE["period_days"]
    for i in range(count):
        gender = genders[i]
        first = rng.choice(
            FEMALE if gender == "female" else MALE if gender == "male" else OTHER
        )
        # triangular(30, 730, 245) has the mean 335 days = 11 months
        length = round(rng.triangular(30, 730, 3 * mean - 30 - 730))
        entry = start + timedelta(days=rng.randrange((end - start).days - length + 1))
        birthdate = entry - relativedelta(years=ages[i]) - timedelta(rng.randrange(365))
        kind = kinds[i]
        exit_date = entry + timedelta(days=length)
        exited = kind in ("followon", "closed")
        area_index = rng.randrange(len(areas))
        labour = _weighted(rng, LABOUR)
        months = {
            "long_term_unemployed": rng.randint(12, 120),
            "unemployed": rng.randint(1, 11),
        }.get(labour, 0)
        partners.append(
            {
                "name": f"{first} {rng.choice(SURNAMES)}",
                "birthdate_date": birthdate,
                "gender": gender,
                "is_olopiste_client": True,
                "city": areas[area_index].municipalities.split(",")[0],
            }
        )
        groups = []
        if labour == "long_term_unemployed":
            groups.append(target_groups["long_term"].id)
        if ages[i] >= 55:
            groups.append(target_groups["over_55"].id)
        if ages[i] < 30:
            groups.append(target_groups["youth"].id)
        sensitive = rng.random() < 0.6
        case = {
            "project_id": project.id,
            "area_id": areas[area_index].id,
            "user_id": workers[area_index % len(workers)].id,
            "stage_id": stages[kind].id,
            "date_entry": entry,
            "referral_source": _weighted(rng, REFERRAL),
            "labour_status": labour,
            "unemployment_months": months,
            "education_level": _weighted(rng, EDUCATION),
            "consent_processing_date": entry,
            "consent_sensitive_date": entry if sensitive else False,
            "disability": rng.choice(["yes", "no", "no"]) if sensitive else False,
            "funder_start_date": entry + timedelta(days=rng.randint(0, 14)),
            "target_group_ids": [(6, 0, groups)],
        }
        if exited:
            situations = (
                FOLLOWON_SITUATIONS if kind == "followon" else CLOSED_SITUATIONS
            )
            case.update(
                {
                    "date_exit": exit_date,
                    "exit_situation": _weighted(rng, situations),
                    "funder_end_date": exit_date + timedelta(days=rng.randint(0, 20)),
                    "consent_handover_date": entry if kind == "followon" else False,
                }
            )
        cases.append(case)
        # attendance happens while the case is open, within the project
        windows.append((entry, min(exit_date, end)))
    return partners, cases, windows


def _sessions(rng, project, areas, workers, windows, hours):
    """Events and attendance of one project whose hours add up to `hours`.

    Hours are whole half-hours, so the float sums are exact. Weeks get hours
    in proportion to how many cases are open in them; within a week, sessions
    are drawn until the week's hours are used, the last person getting what
    is left.
    """
    start = project.date_start
    weeks = PROJECT_DAYS // 7
    open_in_week = []
    for week in range(weeks):
        day = start + timedelta(days=7 * week + 2)
        open_in_week.append(
            [
                i
                for i, (entry, last) in enumerate(windows)
                if entry <= day - timedelta(days=2) and last >= day + timedelta(days=2)
            ]
        )
    halves = _apportion(2 * hours, [len(c) for c in open_in_week])
    events = []
    for week, budget in enumerate(halves):
        candidates = open_in_week[week]
        open_session = False
        while budget > 0:
            kind, _share, durations, (low, high) = rng.choices(
                SESSION_KINDS, weights=[k[1] for k in SESSION_KINDS]
            )[0]
            if kind == "nonstop" and open_session:
                continue  # one open session a week, at the weekly series' time
            open_session = open_session or kind == "nonstop"
            duration = rng.choice(durations)
            if kind == "nonstop":
                duration = NONSTOP_HOURS  # every occurrence of a series is alike
            size = min(rng.randint(low, high), len(candidates))
            people = rng.sample(candidates, size)
            per_person = int(2 * duration)
            rows = []
            for person in people:
                if budget <= 0:
                    break
                half_hours = min(per_person, budget)
                rows.append((person, half_hours / 2))
                budget -= half_hours
            day = start + timedelta(days=7 * week + rng.randrange(5))
            hour = rng.choice((6, 7, 8, 9)) if duration < 5 else 6  # UTC
            area = areas[rng.randrange(len(areas))]
            if kind == "nonstop":
                # an occurrence of the project's weekly open session
                day = start + timedelta(days=7 * week + NONSTOP_DAY)
                hour, area = NONSTOP_UTC_HOUR, areas[0]
            events.append(
                {
                    "kind": kind,
                    "start": datetime(day.year, day.month, day.day, hour),
                    "duration": duration,
                    "area": area,
                    "user": workers[rng.randrange(len(workers))],
                    "rows": rows,
                    "headcount": rng.randint(0, 6) if kind == "nonstop" else 0,
                    "weekly": kind == "nonstop",
                }
            )
    return events


def _event_values(project, kind_names, event):
    return {
        "name": kind_names[event["kind"]],
        "start": event["start"],
        "stop": event["start"] + timedelta(hours=event["duration"]),
        "duration": event["duration"],
        "user_id": event["user"].id,
        "partner_ids": [(6, 0, [])],
        "alarm_ids": [(6, 0, [])],
        "olopiste_kind": event["kind"],
        "olopiste_project_id": project.id,
        "olopiste_area_id": event["area"].id,
        "olopiste_user_ids": [(6, 0, [event["user"].id])],
    }


def _create_weekly_series(env, project, kind_names, events):
    """One recurring event for the weekly sessions, from the first to the
    project's end; returns the occurrence of each of `events` (by its day).

    Odoo creates every week's occurrence, also those where nobody came. The
    people who come to an open session walk in: nobody is invited.
    """
    if not events:
        return env["calendar.event"], []
    first = events[0]
    series = env["calendar.event"].create(
        dict(
            _event_values(project, kind_names, first),
            recurrency=True,
            rrule_type="weekly",
            interval=1,
            end_type="end_date",
            until=project.date_end,
            event_tz=env.context["tz"],
            **{WEEKDAYS[first["start"].weekday()]: True},
        )
    )
    occurrences = series.recurrence_id.calendar_event_ids
    by_day = {occurrence.start.date(): occurrence for occurrence in occurrences}
    chosen = [by_day[event["start"].date()] for event in events]
    by_headcount = defaultdict(list)
    for occurrence, event in zip(chosen, events, strict=True):
        by_headcount[event["headcount"]].append(occurrence.id)
    for headcount, ids in by_headcount.items():
        if headcount:
            env["calendar.event"].browse(ids).write({"olopiste_headcount": headcount})
    return occurrences, chosen


def _create_events(env, project, kind_names, events, case_records):
    single = [event for event in events if not event["weekly"]]
    weekly = [event for event in events if event["weekly"]]
    values = [
        dict(
            _event_values(project, kind_names, event),
            olopiste_case_ids=[
                (6, 0, [case_records[i].id for i, _hours in event["rows"]])
            ],
        )
        for event in single
    ]
    records = _batched(env, "calendar.event", values)
    occurrences, chosen = _create_weekly_series(env, project, kind_names, weekly)
    attendance = [
        {
            "event_id": record.id,
            "case_id": case_records[i].id,
            "state": "attended",
            "hours": row_hours,
        }
        for record, event in zip(list(records) + chosen, single + weekly, strict=True)
        for i, row_hours in event["rows"]
    ]
    _batched(env, "olopiste.attendance", attendance)
    return records | occurrences, len(attendance)


def generate(env, scale=1.0, seed=1, log=None, projects=None):
    """Create projects shaped like the reference case at `scale`; return counts.

    The clients and hours are shared out over ``projects`` projects (by
    default ⌈scale⌉, i.e. reference-sized ones; ``projects=1`` makes one
    project of the whole scale). `env` should be a superuser environment.
    The caller commits.
    """
    started = time.monotonic()
    rng = random.Random(seed)
    env = env(context=dict(env.context, **CONTEXT))
    projects_count = projects or max(1, math.ceil(scale))
    clients = _apportion(round(REFERENCE["clients"] * scale), [1] * projects_count)
    hours = _apportion(round(REFERENCE["hours"] * scale), clients)
    stages = {
        kind: env["olopiste.stage"].search([("kind", "=", kind)], limit=1)
        for kind in ("encounter", "mapping", "engagement", "followon", "closed")
    }
    target_groups = {
        "long_term": env.ref("olopiste_case.target_group_long_term_unemployed"),
        "youth": env.ref("olopiste_case.target_group_youth"),
        "over_55": env.ref("olopiste_case.target_group_over_55"),
    }
    kind_names = dict(
        env["calendar.event"]._fields["olopiste_kind"]._description_selection(env)
    )
    run = (
        env["olopiste.project"]
        .with_context(active_test=False)
        .search_count([("code", "=like", f"G{seed}-%")])
    )
    counts = Counter()
    context = {"projects": [], "cases": [], "windows": [], "events": [], "workers": []}
    for index in range(projects_count):
        project, areas, workers = _project(env, rng, seed, index, run)
        partners, case_values, windows = _client_rows(
            rng, project, areas, workers, clients[index], stages, target_groups
        )
        partner_records = _batched(env, "res.partner", partners)
        for values, partner in zip(case_values, partner_records, strict=True):
            values["partner_id"] = partner.id
        case_records = _batched(env, "olopiste.case", case_values)
        events = _sessions(rng, project, areas, workers, windows, hours[index])
        event_records, attendance_count = _create_events(
            env, project, kind_names, events, case_records
        )
        env.flush_all()
        env.invalidate_all()
        counts.update(
            {
                "projects": 1,
                "areas": len(areas),
                "workers": len(workers),
                "clients": len(partner_records),
                "cases": len(case_records),
                "events": len(event_records),
                "attendance": attendance_count,
            }
        )
        context["projects"].append(project)
        context["cases"].append(case_records)
        context["windows"].append(windows)
        context["events"].append(event_records)
        context["workers"].append(workers)
        if log:
            log(f"project {project.code}: {len(case_records)} cases, "
                f"{attendance_count} attendance rows")  # fmt: skip
    for extension in EXTENSIONS:
        counts.update(extension(env, rng, context))
    env.flush_all()
    result = dict(counts)
    result["hours"] = round(REFERENCE["hours"] * scale)
    result["seconds"] = round(time.monotonic() - started, 2)
    result["project_ids"] = [p.id for p in context["projects"]]
    return result
