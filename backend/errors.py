"""Domain errors. Only the API layer maps them to HTTP codes; only chat maps them to text."""


class DomainError(Exception):
    """Base of every error a service raises on purpose."""

    # The message (backend.messages) that words it for a user where its kind's own message
    # would name the wrong thing (a record's conflict is not a case's); None: the kind's.
    words: str | None = None


class NotFound(DomainError):
    """The thing asked for does not exist, or the caller may not know that it does."""


class Forbidden(DomainError):
    """The actor's role may not do this."""


class ActionForbidden(Forbidden):
    """The actor's role may not take this action on a case or a dishonesty record (403).

    `role`: the staff role's value (coordinator, clerk, evaluator) or the actor's kind;
    `action`: the action's value (`sign`, `order_rectification`, ...); `subject`: "case" or
    "record". `message` names the role and the action (a record's step: the action, not for
    the caller's unit) in the reader's language, by the console's own labels for the action's
    button, so the API and the console word it alike.
    """

    def __init__(self, *, role: str, action: str, subject: str) -> None:
        what = "a case" if subject == "case" else "this record"
        super().__init__(f"a {role} may not {action.replace('_', ' ')} {what}")
        self.role, self.action, self.subject = role, action, subject

    def message(self, language: str = "en") -> str:
        """Return "Your role (clerk) may not do this: Close." or, for a record, "This step
        (Publish) is not for your unit." (or their Chinese)."""
        from backend.console.texts import label
        from backend.messages import render

        action = self.action_label(language)
        if self.subject == "record":  # a record's steps fall to sides (units), not to roles
            return render("forbidden_record_step", language, action=action)
        role = label(language, f"role.{self.role}", self.role)
        return render("forbidden_action", language, role=role, action=action)

    def action_label(self, language: str) -> str:
        """Return the action as its button in the console names it ("Close", "归档")."""
        from backend.console.texts import label

        prefix = "case.action" if self.subject == "case" else "records.action"
        return label(language, f"{prefix}.{self.action}", self.action.replace("_", " "))


class InvalidTransition(DomainError):
    """The action does not fit the case's current state."""


class StaleVersion(DomainError):
    """The case changed since the caller read it."""


class ValidationFailed(DomainError):
    """Input that the service refuses; the code names a message in backend.messages."""

    def __init__(self, code: str, *, field: str | None = None, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.field = field
        self.params = params

    def message(self, language: str = "en") -> str:
        """Return the message for the user, in their language."""
        from backend.messages import render

        return render(self.code, language, **self.params)


class ConfigError(DomainError):
    """Settings or a configuration file that cannot be used; the message is one line."""


class UploadRefused(DomainError):
    """An upload the evidence rule or the daily quota does not take; the code names a message.

    `language` is the chat's, for channels that answer in the chat; `retry_after` (seconds)
    says when a daily quota has room again.
    """

    def __init__(
        self,
        code: str,
        *,
        language: str = "zh",
        retry_after: int | None = None,
        **params: object,
    ) -> None:
        super().__init__(code)
        self.code = code
        self.language = language
        self.retry_after = retry_after
        self.params = params

    def message(self, language: str | None = None) -> str:
        """Return the message in the given language, else in the chat's."""
        from backend.messages import render

        return render(self.code, language or self.language, **self.params)


class RuleRefused(InvalidTransition):
    """A rule of the hand-offs (a time limit, a cap) stands against an action now (409).

    The code names a message in backend.messages, so every channel words it the same way.
    """

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, language: str = "en") -> str:
        """Return the message for the user, in their language."""
        from backend.messages import render

        return render(self.code, language, **self.params)
