"""Chinese texts that say how to type what the dialogs read: a date, a case number, a PIN."""

TYPED: dict[str, str] = {
    "date.invalid": "没看懂这个日期。请写出是哪一天，如 2026-11-03、11月3日、前天、上周三。",
    "date.invalid_optional": (
        "没看懂这个日期。请写出是哪一天，如 2026-11-03、11月3日、前天、上周三，"
        "或大概的时间，如 上个月中旬、3月初、2024年底；记不清可以点“跳过”。"
    ),
    "date.exact_needed": (
        "这是一段时间（{first} 至 {last}）。这里需要具体是哪一天，请写出日期，如 {first}。"
    ),
    "date.span": "{words}（{first} 至 {last}）",
    "date.future": "日期不能晚于今天。",
    "date.too_old": "日期不能早于 {earliest}（{years} 年前）；请检查年份。",
    "status.malformed": (
        "没能读出案件编号和提取码。案件编号形如 HQ-261127-0042，提取码是 6 位数字，"
        "请这样发送：/status HQ-261127-0042 123456"
    ),
    "number.malformed": "这不是一个案件编号。案件编号形如 HQ-261127-0042。",
}
