"""Import every table so that SQLModel.metadata knows them all (for Alembic and tests)."""

from backend.attachments.models import Upload, UploadDay
from backend.cases.models import (
    Attachment,
    Case,
    CaseAssist,
    CaseCounter,
    CaseEvent,
    CaseFollower,
    ChatPinWindow,
)
from backend.conversations.models import ClerkInvite, Conversation, InboundEvent
from backend.deadlines.models import Deadline
from backend.notifications.models import ContactChannel, InboxItem, Notification
from backend.open311.models import Open311Key
from backend.people.models import (
    PasswordLink,
    Reporter,
    StaffAccount,
    StaffChat,
    StaffSession,
)
from backend.routing.corrections import RoutingCorrection
from backend.scheduler.models import JobRun
from backend.taxonomy.tables import Category, Department
from backend.webchat.models import WebchatMessage
from backend.workdays.models import CalendarDay, CalendarOverride, CalendarState, CalendarYear

__all__ = [
    "Attachment",
    "CalendarDay",
    "CalendarOverride",
    "CalendarState",
    "CalendarYear",
    "Deadline",
    "JobRun",
    "Notification",
    "Open311Key",
    "PasswordLink",
    "StaffChat",
    "WebchatMessage",
    "Case",
    "CaseCounter",
    "CaseEvent",
    "CaseFollower",
    "ChatPinWindow",
    "ClerkInvite",
    "Conversation",
    "InboundEvent",
    "Category",
    "Department",
    "Reporter",
    "RoutingCorrection",
    "StaffAccount",
    "Upload",
    "UploadDay",
    "StaffSession",
    "CaseAssist",
    "ContactChannel",
    "InboxItem",
]
from backend.records.models import (  # noqa: E402 - appended so merges stay easy
    DishonestyRecord,
    RecordObjection,
    RepairApplication,
)

__all__ += ["DishonestyRecord", "RecordObjection", "RepairApplication"]
from backend.duty.models import DutyShift  # noqa: E402 - the on-duty roster (issue 12)

__all__ += ["DutyShift"]
