# Copyright 2026 Olopiste contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""WCAG 2.1 AA checks of pages with axe-core, in Odoo's test browser.

`scripts/olopiste.py test` installs axe-core and names its browser build
(axe.min.js) in OLOPISTE_AXE_JS; `AccessibilityMixin.assert_accessible`
opens a page in HttpCase's headless Chromium, injects that file and fails
the test on every serious or critical violation. Only Odoo's test framework
is used, so that the mixin can move to any addon's tests.
"""

import json
import os
from pathlib import Path
from unittest import mock

from odoo.tests import common

AXE_JS_ENV = "OLOPISTE_AXE_JS"
# axe-core's tags for WCAG 2.0 and 2.1, levels A and AA
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
FAILING_IMPACTS = ("serious", "critical")
TARGETS_SHOWN = 5  # nodes named per violation in the failure message
# The page hands its results to Python with one console.log line beginning
# with this, read before Odoo's browser logs it: browser_js itself only says
# whether the code succeeded.
RESULT_MARKER = "olopiste-axe-result:"

CHECK_JS = """
(async () => {
    try {
        await (async () => { %(before)s })();
        const results = await window.axe.run(document, {
            runOnly: {type: "tag", values: %(tags)s},
            resultTypes: ["violations"],
        });
        const violations = results.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            helpUrl: v.helpUrl,
            nodes: v.nodes.length,
            targets: v.nodes
                .slice(0, %(shown)d)
                .map((node) => node.target.map(String).join(" ")),
        }));
        console.log(%(marker)s + JSON.stringify(violations));
        console.log("test successful");
    } catch (error) {
        console.error("axe-core could not check the page: " + (error && error.stack || error));
    }
})();
"""


class AccessibilityMixin:
    """For `odoo.tests.HttpCase`: `assert_accessible(url)`."""

    def _axe_source(self):
        """axe.min.js as text; the test fails, never skips, without it."""
        path = os.environ.get(AXE_JS_ENV)
        if not path:
            self.fail(
                f"{AXE_JS_ENV} is not set: it names axe-core's axe.min.js, which "
                "`python3 scripts/olopiste.py test` installs and sets; run the "
                "tests with that command, or set it to an axe.min.js of axe-core."
            )
        if not Path(path).is_file():
            self.fail(
                f"{AXE_JS_ENV}={path} is not a file: `python3 scripts/olopiste.py "
                "test` installs axe-core again when its axe.min.js is missing."
            )
        return Path(path).read_text(encoding="utf-8")

    def assert_accessible(
        self, url, login=None, name=None, before="", ready="", timeout=60
    ):
        """Check the page at `url` (as `login`, public when None) against WCAG
        2.1 levels A and AA with axe-core; fail on any serious or critical
        violation, naming for each the rule, its impact, what it asks and the
        first nodes' CSS selectors.

        `before` is JavaScript run in the page (awaited) before the check,
        `ready` a JavaScript expression to wait for (default: the document
        has loaded). Returns every violation, of any impact, as dicts with
        id, impact, help, helpUrl, nodes (how many) and targets (the first
        nodes' selectors), so that a caller may report the moderate ones.
        """
        __tracebackhide__ = True  # pytest: the failure, not this method's code
        name = name or url
        source = self._axe_source()
        code = (
            source
            + "\n;\n"
            + CHECK_JS
            % {
                "before": before,
                "tags": json.dumps(list(WCAG_TAGS)),
                "shown": TARGETS_SHOWN,
                "marker": json.dumps(RESULT_MARKER),
            }
        )
        reports = []
        handle_console = common.ChromeBrowser._handle_console

        def read_result(browser, **params):
            args = params.get("args") or []
            text = args[0].get("value") if args else None
            if (
                params.get("type") == "log"
                and isinstance(text, str)
                and text.startswith(RESULT_MARKER)
            ):
                reports.append(json.loads(text[len(RESULT_MARKER) :]))
                return None
            return handle_console(browser, **params)

        # The browser registers its console handler when it starts, inside
        # browser_js: the method is replaced on the class for this call only.
        with mock.patch.object(common.ChromeBrowser, "_handle_console", read_result):
            try:
                self.browser_js(url, code, ready=ready, login=login, timeout=timeout)
            except self.failureException as error:
                # browser_js repeats the code, axe-core's 650 kB included
                message = str(error).replace(source, "/* axe.min.js */")
                raise self.failureException(
                    f"accessibility check of {name} did not run to its end:\n{message}"
                ) from None
        if not reports:
            self.fail(f"accessibility check of {name}: axe-core reported nothing")
        violations = reports[-1]
        failing = [v for v in violations if v["impact"] in FAILING_IMPACTS]
        if failing:
            error = self.failureException(self._violations_message(name, failing))
            error.violations = violations
            raise error
        return violations

    def _violations_message(self, name, failing):
        lines = [
            f"{name} fails WCAG 2.1 AA (axe-core): {len(failing)} serious or "
            "critical violation(s)"
        ]
        for violation in failing:
            lines.append(
                f"- {violation['id']} ({violation['impact']}): {violation['help']}"
            )
            lines += [f"    {target}" for target in violation["targets"]]
            more = violation["nodes"] - len(violation["targets"])
            if more > 0:
                lines.append(f"    … and {more} more")
            lines.append(f"    {violation['helpUrl']}")
        return "\n".join(lines)
