"""The console's words for the hand-off rules, urgent cases and ratings by phone (Chinese)."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "case.action.declare_complex": "说明情况复杂（退单期限延至 2 个工作日）",
    "case.action.rate_by_phone": "登记电话回访评价",
    "case.done.declare_complex": "已说明情况复杂。",
    "case.done.rate_by_phone": "已登记回访评价。",
    "case.field.rating": "投诉人的评价",
    "case.field.comment": "投诉人的意见",
    "case.rating.satisfied": "满意",
    "case.rating.basically_satisfied": "基本满意",
    "case.rating.dissatisfied": "不满意",
    "case.clock.dispatch": "派单时限",
    "case.clock.urgent_sign": "紧急签收时限",
    "case.urgent": "紧急：存在紧迫危险",
}
