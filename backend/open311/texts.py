"""Open311 texts in Chinese and English: error descriptions, attribute labels, notices.

Merged into backend.messages.MESSAGES, so `render(code, language)` finds them.
"""

from __future__ import annotations

OPEN311_MESSAGES: dict[str, dict[str, str]] = {
    # status_notes of a closed request: what happened, never the reply written to the reporter
    "open311_notes_resolved": {
        "zh": "已办结，答复已告知投诉人。",
        "en": "Resolved: the reply was given to the reporter.",
    },
    "open311_notes_rejected": {
        "zh": "不予受理，原因已告知投诉人。",
        "en": "Not taken up: the reporter was told why.",
    },
    "open311_api_key": {
        "zh": "缺少 api_key，或 api_key 无效、已被吊销。请向区发展改革委申请密钥。",
        "en": "api_key was not provided, or it is not valid or was revoked; ask the lead "
        "office for a key.",
    },
    "open311_jurisdiction": {
        "zh": "没有这个 jurisdiction_id：{value}。本接口只服务 {ours}。",
        "en": "jurisdiction_id provided was not found: {value}; this endpoint serves {ours}.",
    },
    "open311_service_code_missing": {
        "zh": "缺少 service_code（事项类别代码）。",
        "en": "service_code was not provided.",
    },
    "open311_service_code_unknown": {
        "zh": "没有这个 service_code：{value}。",
        "en": "service_code provided was not found: {value}.",
    },
    "open311_request_unknown": {
        "zh": "没有这个 service_request_id：{value}。",
        "en": "service_request_id provided was not found: {value}.",
    },
    "open311_not_found": {
        "zh": "没有这个地址：{value}。请用 .json 或 .xml 结尾。",
        "en": "No such resource: {value}; resources end in .json or .xml.",
    },
    "open311_bad_encoding": {
        "zh": "字段 {field} 不是有效的 UTF-8 编码：请按 UTF-8 编码后重新提交。",
        "en": "The field {field} is not valid UTF-8: send it again encoded as UTF-8.",
    },
    "open311_bad_form": {
        "zh": "请求内容无法读取：请用表单编码（application/x-www-form-urlencoded）。",
        "en": "The request body cannot be read: send it form-encoded "
        "(application/x-www-form-urlencoded).",
    },
    "open311_outside_district": {
        "zh": "lat 和 long 不在{district}内（离各街道办事处的辖区都太远）：请核对坐标，"
        "或用 address_string 说明位置。",
        "en": "lat and long are outside {district} (no street office covers the point): check "
        "them, or give the place as address_string.",
    },
    "open311_no_uploads": {
        "zh": "不接收上传的文件：请把照片放在网上，用 media_url 给出它的地址。",
        "en": "Uploaded files are not taken: put the photo online and give its address as "
        "media_url.",
    },
    "open311_repeated_field": {
        "zh": "字段 {field} 出现了不止一次：每个字段只能给出一次。",
        "en": "The field {field} is given more than once: give each field once.",
    },
    "open311_location_required": {
        "zh": "请给出位置：lat 和 long，或 address_string。",
        "en": "A location is required: lat and long, or address_string.",
    },
    "open311_coordinates_pair": {
        "zh": "lat 和 long 要一起给出。",
        "en": "lat and long must be given together.",
    },
    "open311_bad_coordinate": {
        "zh": "{field} 不是有效的坐标（WGS-84 十进制度数，纬度 -90 到 90，经度 -180 到 180）。",
        "en": "{field} is not a valid coordinate (WGS-84 decimal degrees: latitude -90 to 90, "
        "longitude -180 to 180).",
    },
    "open311_too_long": {
        "zh": "{field} 太长，最多 {max} 个字符。",
        "en": "{field} is too long; the limit is {max} characters.",
    },
    "open311_bad_text": {
        "zh": "{field} 含有无法保存的字符。",
        "en": "{field} contains a character that cannot be stored.",
    },
    "open311_bad_email": {
        "zh": "email 格式不对。",
        "en": "email does not look like an e-mail address.",
    },
    "open311_bad_media_url": {
        "zh": "media_url 必须是 http:// 或 https:// 开头的地址。",
        "en": "media_url must be an http:// or https:// address.",
    },
    "open311_bad_street": {
        "zh": "attribute[street] 不是可选的街道代码：{value}。",
        "en": "attribute[street] is not one of the listed street codes: {value}.",
    },
    "open311_bad_datetime": {
        "zh": "{field} 不是 ISO 8601 日期时间（例如 2026-11-05T08:15:30+08:00）。",
        "en": "{field} is not an ISO 8601 date and time (e.g. 2026-11-05T08:15:30+08:00).",
    },
    "open311_date_out_of_range": {
        "zh": "{field} 须在 {first} 到 {last} 之间。",
        "en": "{field} must be between {first} and {last}.",
    },
    "open311_bad_date_range": {
        "zh": "end_date 不能早于 start_date。",
        "en": "end_date cannot be earlier than start_date.",
    },
    "open311_window_too_long": {
        "zh": "start_date 到 end_date 最多 {days} 天。",
        "en": "start_date to end_date may not span more than {days} days.",
    },
    "open311_bad_status": {
        "zh": "status 只能是 open 或 closed（可用逗号分隔）：{value}。",
        "en": "status must be open or closed (comma separated): {value}.",
    },
    "open311_bad_limit": {
        "zh": "limit 必须是 1 到 {max} 之间的整数。",
        "en": "limit must be a whole number from 1 to {max}.",
    },
    "open311_too_many_ids": {
        "zh": "service_request_id 一次最多 {max} 个。",
        "en": "At most {max} service_request_id values at once.",
    },
    "open311_contact": {
        "zh": "红桥区发展改革委（区社会信用体系建设牵头单位）。",
        "en": "The lead office of Hongqiao District (District Development and Reform Commission).",
    },
    "open311_key_service": {
        "zh": "查询无需密钥。提交（POST requests）需要 api_key：由区发展改革委为每个应用签发。",
        "en": "Reading needs no key. Filing (POST requests) needs an api_key, issued per "
        "client application by the lead office.",
    },
    "open311_other_service": {  # a category with no cue words: what is left over
        "zh": "{name}：不属于以上各类的政务诚信问题",
        "en": "{name}: a matter of government integrity none of the others fits",
    },
    "open311_group_street": {"zh": "各街道办事处", "en": "Street offices"},
    "open311_attr_street": {
        "zh": "发生在哪个街道",
        "en": "The street (街道) where it happened",
    },
    "open311_attr_street_type": {
        "zh": "街道代码，取自所列值",
        "en": "A street code from the listed values",
    },
    "open311_attr_occurred": {"zh": "发生日期", "en": "When it happened"},
    "open311_attr_occurred_type": {
        "zh": "ISO 8601 日期时间，不晚于现在",
        "en": "An ISO 8601 date and time, not in the future",
    },
    "open311_notice_routed": {
        "zh": "已受理，交由{unit}办理。",
        "en": "Received; {unit} handles it.",
    },
    "open311_notice_triage": {
        "zh": "已受理，由区发展改革委分派承办单位。",
        "en": "Received; the lead office assigns the unit that handles it.",
    },
    "open311_notice_similar": {
        "zh": "相似的在办案件：{numbers}。",
        "en": "Similar open cases: {numbers}.",
    },
    "open311_notice_pin": {
        "zh": "匿名投诉：请保存案件编号和提取码（pin），凭此查询进度。",
        "en": "Anonymous report: keep the case number and the PIN to follow the case.",
    },
    "open311_key_name": {
        "zh": "应用名称不能为空，最多 {max} 个字符。",
        "en": "The application's name must be 1 to {max} characters.",
    },
    "open311_key_exists": {
        "zh": "应用 {name} 已有密钥。",
        "en": "The application {name} already has a key.",
    },
}
