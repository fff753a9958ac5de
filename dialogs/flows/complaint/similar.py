"""A complaint like one already open: offer to follow that case instead of filing a new one."""

from __future__ import annotations

from dialogs.context import Ctx, Refusal, prefixed, refusal_of
from dialogs.flows.base import Step
from dialogs.model import Outbound
from dialogs.ports import SubmissionRefused

MAX_OFFERED = 3


def look_for_similar(ctx: Ctx) -> None:
    """Ask the services for open cases like this complaint, once per text, category and place."""
    data = ctx.data
    key = [data.get("text"), data.get("category"), data.get("street")]
    if data.get("similar_for") == key:
        return
    data["similar_for"] = key
    data.pop("follow", None)
    category = data.get("category")
    found = (
        ctx.services.similar_cases(data["text"], category, data.get("street")) if category else ()
    )
    data["similar"] = [
        {
            "number": c.number,
            "category": [c.category_zh, c.category_en],
            "holder": [c.holder_zh, c.holder_en],
            "filed_on": c.filed_on.isoformat(),
        }
        for c in found
    ][:MAX_OFFERED]


class SimilarStep(Step):
    """Show the similar open cases: follow one of them, or file a new complaint anyway."""

    def prompt(self, ctx: Ctx) -> list[Outbound]:
        """List the similar cases with a button each."""
        similar = ctx.data.get("similar", [])
        lines = [ctx.t("similar.intro")]
        lines += [
            ctx.t(
                "similar.line",
                number=c["number"],
                category=ctx.pick(*c["category"]),
                holder=ctx.pick(*c["holder"]),
                day=c["filed_on"],
            )
            for c in similar
        ]
        follow = [
            (ctx.key_button("similar.follow", "follow", c["number"], number=c["number"]),)
            for c in similar
        ]
        new = (ctx.key_button("similar.file_new", "follow", ""),)
        return [Outbound("\n".join(lines), (*follow, new, self.nav_row(ctx)))]

    def on_button(self, ctx: Ctx, action: str, arg: str) -> list[Outbound]:
        """Follow the chosen case (the dialog ends), or go on with a new complaint."""
        if action != "follow":
            raise Refusal("input.stale")
        if not arg:
            ctx.data["follow"] = None
            return self.flow.proceed(ctx)
        if arg not in {c["number"] for c in ctx.data.get("similar", [])}:
            raise Refusal("input.stale")
        try:
            ctx.services.follow_case(arg, ctx.chat, ctx.lang)
        except SubmissionRefused as refused:
            if refused.message_code != "not_followable":
                raise refusal_of(refused) from refused
            # The case closed since it was offered: offer it no more (not the same list again).
            ctx.data["similar"] = [c for c in ctx.data["similar"] if c["number"] != arg]
            remaining = self.flow.refresh(ctx) if ctx.data["similar"] else self.flow.proceed(ctx)
            return prefixed(ctx.t("refused.not_followable"), remaining)
        ctx.end_flow()
        return [Outbound(ctx.t("similar.following", number=arg))]
