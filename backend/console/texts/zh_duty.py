"""The console's words for the on-duty roster (值班表, issue 12), in Chinese."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "duty.title": "值班表",
    "duty.about": "紧急案件在夜间和休息日通知的值班协调员，按日期排班。",
    "duty.rule": (
        "值班日从 {starts} 起至次日 {starts}：夜间属于其开始的那一天"
        "（周二凌晨 2 点由周一的值班员接收）。"
    ),
    "duty.fallback": "某天无人值班时，紧急案件通知配置中的值班人员；未配置时通知全部协调员。",
    "duty.add": "排班",
    "duty.remove_range": "取消排班",
    "duty.col_login": "协调员",
    "duty.choose": "— 请选择 —",
    "duty.col_from": "开始日期",
    "duty.col_to": "结束日期（可不填）",
    "duty.to_hint": "年-月-日；不填只排开始日期这一天，最多 {max} 天",
    "duty.submit_add": "排班",
    "duty.submit_remove": "取消这些天的排班",
    "duty.days": "{first} 至 {last}",
    "duty.col_day": "日期",
    "duty.col_on_duty": "值班协调员",
    "duty.nobody": "无人值班",
    "duty.remove": "取消",
    "duty.remove_one": "取消 {name} {day} 的值班",
    "duty.earlier": "前四周",
    "duty.later": "后四周",
    "duty.added": "{login} 已排 {count} 天值班（{first} 至 {last}）。",
    "duty.removed": "已取消 {login} 的 {count} 天值班。",
    "duty.gap_title": "今晚无人值班",
    "duty.gap": "值班表中 {day} 没有协调员：今晚的紧急案件将通知{fallback}。",
    "duty_gap.policy": "配置中的值班人员",
    "duty_gap.everyone": "全部协调员",
    "duty.gap_link": "排班",
    "weekday.0": "周一",
    "weekday.1": "周二",
    "weekday.2": "周三",
    "weekday.3": "周四",
    "weekday.4": "周五",
    "weekday.5": "周六",
    "weekday.6": "周日",
    "dashboard.overdue_kinds": "当前超期的案件，按超期的时限：",
    "dashboard.overdue_kind": "{kind}：{count}",
}
