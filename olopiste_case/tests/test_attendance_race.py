# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import threading

from odoo import api
from odoo.exceptions import UserError
from odoo.service.model import retrying
from odoo.tests import TransactionCase, tagged

SESSION_SIZE = 6


@tagged("post_install", "-at_install", "olopiste_attendance")
class TestAttendanceRace(TransactionCase):
    """Saves of one session's attendance at the same moment, each in its own
    transaction and retried on a serialization failure, as two HTTP workers
    run them. The data is committed for the threads to see it, and removed
    afterwards."""

    def setUp(self):
        super().setUp()
        self.uid_admin = self.env.ref("base.user_admin").id
        with self.registry.cursor() as cr:
            env = api.Environment(cr, self.uid_admin, {})
            project = env["olopiste.project"].create(
                {
                    "name": "Race project",
                    "code": "RACE1",
                    "date_start": "2015-09-01",
                    "date_end": "2018-08-31",
                    "manager_id": self.uid_admin,
                }
            )
            area = env["olopiste.area"].create(
                {"name": "Race area", "project_id": project.id}
            )
            partners = env["res.partner"].create(
                [{"name": f"Race Client {n}"} for n in range(SESSION_SIZE)]
            )
            cases = env["olopiste.case"].create(
                [
                    {
                        "partner_id": partner.id,
                        "project_id": project.id,
                        "area_id": area.id,
                        "date_entry": "2016-01-15",
                    }
                    for partner in partners
                ]
            )
            event = env["calendar.event"].create(
                {
                    "name": "Race session",
                    "olopiste_kind": "theme_group",
                    "olopiste_project_id": project.id,
                    "olopiste_area_id": area.id,
                    "start": "2016-03-01 08:00:00",
                    "stop": "2016-03-01 11:00:00",
                    "olopiste_case_ids": [(6, 0, cases.ids)],
                }
            )
            self.records = {
                "project": project.id,
                "partners": partners.ids,
                "cases": cases.ids,
                "event": event.id,
            }
        self.addCleanup(self._remove_records)

    def _remove_records(self):
        with self.registry.cursor() as cr:
            # sudo: the test's own committed data, whatever rules would say
            env = api.Environment(cr, self.uid_admin, {}, su=True)
            ids = self.records
            env["olopiste.attendance.entry"].search(
                [("event_id", "=", ids["event"])]
            ).unlink()
            env["calendar.event"].browse(ids["event"]).unlink()
            env["olopiste.case"].browse(ids["cases"]).unlink()
            env["res.partner"].browse(ids["partners"]).unlink()
            env["olopiste.project"].browse(ids["project"]).unlink()

    def _open_entries(self, hours):
        """Open one attendance screen a value of `hours`, everyone present for
        them; committed, as the web client saves a screen before its button."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, self.uid_admin, {})
            Entry = env["olopiste.attendance.entry"]
            event = env["calendar.event"].browse(self.records["event"])
            entries = Entry.browse()
            for value in hours:
                entry = Entry.browse(Entry.action_open_for_event(event)["res_id"])
                entry.action_mark_all_present()
                entry.line_ids.hours = value
                entries |= entry
            return entries.ids

    def _save_at_once(self, entry_ids):
        """Save the entries each in a thread of its own, all at the same moment;
        return what each save gave: "saved" or its error's message."""
        barrier = threading.Barrier(len(entry_ids), timeout=30)
        outcomes = [None] * len(entry_ids)

        def save(index, entry_id):
            try:
                with self.registry.cursor() as cr:
                    env = api.Environment(cr, self.uid_admin, {})
                    entry = env["olopiste.attendance.entry"].browse(entry_id)
                    # each transaction's snapshot is taken before the others save
                    entry.event_id.name  # noqa: B018
                    barrier.wait()
                    retrying(entry.action_save, env)
                    outcomes[index] = "saved"
            except UserError as error:
                outcomes[index] = str(error)
            except Exception as error:  # pylint: disable=broad-except
                outcomes[index] = f"{type(error).__name__}: {error}"

        threads = [
            threading.Thread(target=save, args=(index, entry_id))
            for index, entry_id in enumerate(entry_ids)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        self.assertFalse(any(thread.is_alive() for thread in threads))
        return outcomes

    def _recorded(self):
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT case_id, hours FROM olopiste_attendance WHERE event_id = %s",
                (self.records["event"],),
            )
            return cr.fetchall()

    def test_two_workers_save_one_session_at_once(self):
        outcomes = self._save_at_once(self._open_entries([3.0, 2.0]))
        self.assertEqual(outcomes.count("saved"), 1, outcomes)
        lost = next(outcome for outcome in outcomes if outcome != "saved")
        self.assertIn("while you had it open", lost)
        self.assertIn("Nothing of yours was saved", lost)
        rows = self._recorded()
        self.assertEqual(len(rows), SESSION_SIZE)
        self.assertEqual(sorted(case for case, _hours in rows), self.records["cases"])
        winner = 3.0 if outcomes[0] == "saved" else 2.0
        self.assertEqual({hours for _case, hours in rows}, {winner})

    def test_one_screen_saved_twice_at_once(self):
        # a double click, or a request sent again while the first still runs
        entry_id = self._open_entries([3.0])[0]
        outcomes = self._save_at_once([entry_id, entry_id])
        self.assertEqual(outcomes, ["saved", "saved"])
        rows = self._recorded()
        self.assertEqual(len(rows), SESSION_SIZE)
        self.assertEqual({hours for _case, hours in rows}, {3.0})
