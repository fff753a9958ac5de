"""Chinese texts of the clerk's /record dialog added with issue 11 (severity, post, drafts)."""

RECORD_TEXTS: dict[str, str] = {
    "record.post": "当事人的职务？请输入；不清楚请点「跳过」。",
    "record.severity": "失信情节的严重程度？（决定公示期限）",
    "severity.minor": "轻微",
    "severity.general": "一般",
    "severity.serious": "严重",
    "record.document_or_draft": (
        "请输入认定文书的编号，如 （2026）津0106民初123号。"
        "文书尚未取得的，点「跳过」先登记为草稿：7 个工作日的报送时限照常计算。"
    ),
    "record.unit_unknown": "没有找到这个单位。请输入单位全称（如 区商务局），或点本单位。",
    "record.filed_draft": (
        "📝 失信记录已登记为草稿，编号：{number}。取得文书编号后请尽快补充报送，"
        "报送时限自信息产生之日起计算。"
    ),
    "summary.post": "职务：{value}",
    "summary.severity": "严重程度：{value}",
    "summary.draft": "文书编号：待补充（登记为草稿）",
    "refused.unknown_department": "没有找到这个单位，请在摘要中修改当事人所在单位。",
    "refused.record_arisen_in_future": "信息产生日期不能晚于今天，请修改。",
    "refused.record_already_filed": (
        "这个人员依据同一文书（{document}）的失信记录已经登记，编号 {number}，不必重复登记。"
    ),
    "refused.record_summary_too_long": "记录摘要太长，请精简后再提交。",
    "refused.record_summary_too_short": "记录摘要太短，请补充后再提交。",
}
RECORD_TEXTS |= {"edit.post": "改职务", "edit.severity": "改严重程度"}
RECORD_TEXTS |= {
    "record.authority": "哪个机关作出的认定？（如：某区人民法院、区纪委监委）",
    "summary.authority": "认定机关：{value}",
    "edit.authority": "改认定机关",
}
# evidence in either dialog (complaint or record): the same file again takes no new slot
RECORD_TEXTS |= {
    "files.already": "这个文件已经附上了（{count}/{max}），不占新的名额。",
}
