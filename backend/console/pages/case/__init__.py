"""The case page at /console/cases/{number}: what a case is, its history, and its actions.

view.py     gathers the page's data from the services (present, deadlines, evidence,
            duplicates, reply templates); no rule of its own
forms.py    which fields each action's form has (from workflow.RULES), and reading a
            posted form into a workflow Command
routes.py   the page, the action and note forms (POST, then 303 back), the evidence files
"""

from backend.console.pages.case.routes import router

__all__ = ["router"]
