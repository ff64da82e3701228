# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import etree

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import OlopisteTestCase


@tagged("post_install", "-at_install", "olopiste_assessment")
class TestAssessment(OlopisteTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dimensions = cls.env["olopiste.assessment.dimension"].search([])

    def _assess(self, day, kind, scores, case=None):
        """An assessment whose dimensions get `scores` (one int or a list)."""
        if isinstance(scores, int):
            scores = [scores] * len(self.dimensions)
        return self.env["olopiste.assessment"].create(
            {
                "case_id": (case or self.case).id,
                "date": day,
                "kind": kind,
                "line_ids": [
                    (0, 0, {"dimension_id": d.id, "score": s})
                    for d, s in zip(self.dimensions, scores, strict=True)
                ],
            }
        )

    def test_default_set_of_seven_dimensions(self):
        self.assertEqual(len(self.dimensions), 7)
        assessment = self.env["olopiste.assessment"].create({"case_id": self.case.id})
        self.assertEqual(assessment.line_ids.dimension_id, self.dimensions)

    def test_total_is_the_mean(self):
        assessment = self._assess("2016-02-01", "initial", [0, 10, 5, 5, 5, 5, 5])
        self.assertAlmostEqual(assessment.score_total, 5.0)

    def test_score_outside_0_10_is_refused(self):
        for bad in (-1, 11):
            with self.assertRaisesRegex(ValidationError, "outside 0–10"):
                self._assess("2016-02-01", "initial", bad)
        self.assertFalse(self.case.assessment_ids)

    def test_final_before_initial_is_refused(self):
        self._assess("2016-03-01", "initial", 5)
        with self.assertRaisesRegex(ValidationError, "before the initial"):
            self._assess("2016-02-01", "final", 6)

    def test_change_at_the_threshold_boundaries(self):
        self.assertFalse(self.case.capacity_change)
        self._assess("2016-02-01", "initial", 5)
        self.assertFalse(self.case.capacity_change)  # one assessment: no change yet
        final = self._assess("2016-06-01", "final", 6)  # +1.0 exactly
        self.assertEqual(self.case.capacity_change, "improved")
        final.line_ids[0].score = 5  # +6/7 = 0.857
        self.assertEqual(self.case.capacity_change, "unchanged")
        self.project.capacity_threshold = 0.85
        self.assertEqual(self.case.capacity_change, "improved")
        self.project.capacity_threshold = 1.0
        final.line_ids.write({"score": 4})  # -1.0 exactly
        self.assertEqual(self.case.capacity_change, "worse")
        final.line_ids[0].score = 5  # -6/7
        self.assertEqual(self.case.capacity_change, "unchanged")

    def test_only_workers_and_managers_read_assessments(self):
        assessment = self._assess("2016-02-01", "initial", 5)
        self.assertEqual(assessment.with_user(self.user_worker).score_total, 5.0)
        for user in (self.user_student, self.user_finance, self.user_worker2):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    assessment.with_user(user).read(["score_total"])
        # the change is derived from the assessments: it is as protected
        for user in (self.user_student, self.user_finance):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.case.with_user(user).read(["capacity_change"])

    def test_distance_travelled_one_line_per_dimension_over_assessments(self):
        """The chart's points are the assessments in date order, one unstacked
        line per dimension: no calendar days between them, no empty series;
        the pivot's columns run initial, interim, final."""
        self._assess("2016-02-01", "initial", 3)
        self._assess("2016-06-01", "interim", 5)
        self._assess("2016-09-01", "final", 7)
        action = self.case.with_user(self.user_worker).action_view_assessment_graph()
        Line = self.env["olopiste.assessment.line"].with_user(self.user_worker)
        views = Line.get_views([(False, "graph"), (False, "pivot")])["views"]
        graph = etree.fromstring(views["graph"]["arch"])
        self.assertEqual(graph.get("stacked"), "0")
        groupbys = [
            f.get("name") for f in graph.iter("field") if f.get("type") != "measure"
        ]
        pivot = etree.fromstring(views["pivot"]["arch"])
        columns = [f.get("name") for f in pivot.iter("field") if f.get("type") == "col"]
        for groupby in (groupbys[0], columns[0]):
            groups = Line._read_group(action["domain"], [groupby], ["score:avg"])
            self.assertEqual(
                [(group.display_name, score) for group, score in groups],
                [
                    ("Initial 02/01/2016", 3),
                    ("Interim 06/01/2016", 5),
                    ("Final 09/01/2016", 7),
                ],
            )
        series = Line._read_group(action["domain"], [groupbys[1]], ["__count"])
        self.assertEqual(len(series), len(self.dimensions))
        self.assertTrue(all(dimension for dimension, _count in series))

    def test_two_unsaved_assessments_on_the_same_date(self):
        """The case form computes the change of assessments not saved yet
        (their ids cannot be compared): the later one in the form counts."""
        lines = [
            [(0, 0, {"dimension_id": d.id, "score": score}) for d in self.dimensions]
            for score in (3, 8)
        ]
        case = self.env["olopiste.case"].new(
            {
                "project_id": self.project.id,
                "partner_id": self.case.partner_id.id,
                "assessment_ids": [
                    (
                        0,
                        0,
                        {"date": "2016-02-01", "kind": "initial", "line_ids": lines[0]},
                    ),
                    (
                        0,
                        0,
                        {"date": "2016-02-01", "kind": "final", "line_ids": lines[1]},
                    ),
                ],
            }
        )
        self.assertEqual(case.capacity_change, "improved")


@tagged("post_install", "-at_install", "olopiste_assessment")
class TestFeedbackSurvey(OlopisteTestCase):
    def test_feedback_survey_is_linked_to_the_case(self):
        with self.assertRaisesRegex(UserError, "feedback survey"):
            self.case.action_fill_feedback()
        survey = self.env.ref("olopiste_case.survey_client_feedback")
        self.project.survey_id = survey
        action = self.case.with_user(self.user_worker).action_fill_feedback()
        answer = self.env["survey.user_input"].search(
            [("olopiste_case_id", "=", self.case.id)]
        )
        self.assertEqual(len(answer), 1)
        self.assertEqual(answer.partner_id, self.client)
        self.assertIn(answer.access_token, action["url"])
        self.assertEqual(self.case.feedback_count, 0)
        answer._mark_done()
        self.case.invalidate_recordset(["feedback_count"])
        self.assertEqual(self.case.feedback_count, 1)
