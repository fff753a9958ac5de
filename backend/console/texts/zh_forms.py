"""Chinese texts of refused form fields (any console form)."""

TEXTS: dict[str, str] = {
    "form.too_long": (
        "“{field}”最多 {max} 个字，您填写了 {length} 个字。请删减后再提交，已填写的内容都保留着。"
    ),
}
