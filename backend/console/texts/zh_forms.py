"""Chinese texts of refused form fields (any console form)."""

TEXTS: dict[str, str] = {
    "form.too_long": (
        "“{field}”最多 {max} 个字，您填写了 {length} 个字。请删减后再提交，已填写的内容都保留着。"
    ),
    "form.too_long_gone": (
        "“{field}”最多 {max} 个字，您填写了 {length} 个字。这个表单在页面上已不再提供"
        "（案件可能已被他人办理），所以什么也没有提交。您填写的内容在下面，可复制后回到页面重新办理。"
    ),
    "param.from": "开始日期（from）",  # a page address's parameter, as refusals name it
    "param.to": "结束日期（to）",
    "param.department": "单位（department）",
    "param.status": "状态（status）",
    "param.kind": "类型（kind）",
    "param.one_of": "只能是以下之一：{choices}。",
}
