"""The rule catalogue: every rule's code, titles, default severity, reason, source and examples, in one place.

Codes are stable and grouped by family: DJ1xx references, ids and trees; DJ2xx party-organisation
forms; DJ3xx alliance types; DJ4xx membership, dates, 四联三不变, teams, grids and brands; DJ5xx projects;
DJ6xx identifiers; DJ7xx meetings, deliberation and committee terms; DJ8xx reported figures, custom
terms, grid templates, exit conditions and claims. A code, once published, keeps its meaning; a retired rule keeps its number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from dangjian_model._repr import FieldsRepr
from dangjian_model.validation._findings import Severity

if TYPE_CHECKING:
    from dangjian_model.validation._examples import Builder

__all__ = ["CATALOGUE", "CODES", "RULES", "Rule"]

E, W, N = Severity.ERROR, Severity.WARNING, Severity.INFO

_ZB = "《中国共产党支部工作条例（试行）》"
_DZ = "《中国共产党章程》"
_MAY = "《中国共产党农村基层组织工作条例》第五条；《中国共产党党和国家机关基层组织工作条例》第五至七条"
_SEED1 = "seed 001（宁波“八种模式”）"
_SIXIAN = "seed 001（慈溪“四联三不变”）"
_MODEL = "dangjian_model 数据模型 (data model)"


@attrs.frozen(repr=False)
class Rule(FieldsRepr):
    """One rule of the catalogue.

    Attributes:
        code: Stable code, e.g. ``DJ101``.
        name: A short English slug, e.g. ``unresolved-reference``.
        title_zh: Title in Chinese.
        title_en: Title in English.
        severity: Default severity (configuration may change it).
        why: Why the rule exists, in English with the Chinese terms.
        source: Seed article and/or regulation and article.

    Its two examples, :attr:`failing` and :attr:`passing`, are built by modules imported on first use
    (the documentation and the tests read them; validating a file does not).
    """

    code: str
    name: str
    title_zh: str
    title_en: str
    severity: Severity
    why: str
    source: str

    @property
    def failing(self) -> Builder:
        """Builds a registry on which the rule fires."""
        return _examples()[self.code][0]

    @property
    def passing(self) -> Builder:
        """Builds a registry on which it stays silent."""
        return _examples()[self.code][1]

    @property
    def anchor(self) -> str:
        """The anchor of the rule's section in ``docs/rules.md``: ``dj101-unresolved-reference``."""
        return f"{self.code.lower()}-{self.name}"


_ENTRIES: tuple[tuple[str, str, str, str, Severity, str, str], ...] = (
    # DJ1xx — references, ids, trees
    ("DJ101", "unresolved-reference", "引用无法解析", "A reference names nothing", E,
     "Every *_id field must name an entity in the registry; a typo would silently cut a link.", _MODEL),
    ("DJ102", "wrong-kind-reference", "引用类型不对", "A reference names the wrong kind of entity", E,
     "All entities share one id namespace, so an id can resolve to an entity of the wrong kind.", _MODEL),
    ("DJ103", "duplicate-id", "编号重复", "An id is used twice", E,
     "Ids are the addresses of paths and references; two entities with one id make both ambiguous.", _MODEL),
    ("DJ104", "administrative-cycle", "行政隶属成环", "The administrative hierarchy has a cycle", E,
     "村 → 镇 → 区: each unit has one administrative superior and the chain must end.",
     "DOMAIN §1（村 → 镇，社区 → 街道 → 区）"),
    ("DJ105", "party-cycle", "党组织隶属成环", "The party hierarchy has a cycle", E,
     "Each party organisation belongs to exactly one superior (隶属关系); the line must end at a root.",
     f"{_DZ}第十条（民主集中制，下级组织服从上级组织）"),
    ("DJ106", "grid-cycle", "网格层级成环", "The grid hierarchy has a cycle", E,
     "Grid systems nest cells in levels (1/11/170/553 in seed 003); a cell cannot contain itself.", "seed 003"),
    ("DJ107", "grid-level", "网格层级不连续", "A grid's level does not follow its parent's", E,
     "The top grid is level 1 and each level below adds one, so counts per level add up as reported.", "seed 003"),
    ("DJ108", "superior-kind", "行政上级类型不对", "A territory's administrative superior is of the wrong kind", E,
     "村 sit under a 镇乡 or 街道; 社区 under a 街道 or 镇乡 (or directly under a 区县 or 不设区的市); 街道 and 镇乡 "
     "under a 区县 or 市; 区县 under a 市 — never under a firm, an organ or a joint company. A member of an "
     "alliance that declares 管理层级不变 is told so: it keeps its own superior (the lifecycle refuses the move).",
     "《中华人民共和国村民委员会组织法》第五条（乡、民族乡、镇的人民政府指导村民委员会）；"
     "《中华人民共和国城市居民委员会组织法》第二条（不设区的市、市辖区的人民政府或者它的派出机关指导居民委员会）；"
     "《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》第八十五条（2022年修正；此前第六十八条：街道办事处是"
     "市辖区、不设区的市人民政府的派出机关）；《中华人民共和国宪法》第三十条（县分为乡、镇，市分为区、县）；"
     "DOMAIN §1（村 → 镇，社区 → 街道 → 区）；seed 001（管理层级不变）"),
    # DJ2xx — party-organisation forms
    ("DJ201", "branch-too-small", "党支部正式党员不足3人", "A branch has fewer than 3 full members", E,
     "A unit with 3 or more full members sets up a basic organisation; fewer join a 联合党支部.",
     f"{_DZ}第三十条；{_ZB}第五条"),
    ("DJ202", "branch-committee-missing", "7人以上支部未设委员会", "A branch of 7+ has no committee on record", W,
     "A branch with 7 or more full members sets up a branch committee (支部委员会).", f"{_ZB}第六章第二十二条"),
    ("DJ203", "committee-size", "支部委员会人数不对", "A branch committee has the wrong size", E,
     "A branch committee has 3–5 members, generally at most 7, elected from the branch's own members, so never "
     "more than they are (a general branch's too). A committee (党委、党工委、联合党委) is not bounded by its own "
     "members: a 大工委 or 大党委 takes in other organisations' secretaries as concurrent members (兼职委员).",
     f"{_ZB}第六章第二十二条；seed 003（大工委、大党委的兼职委员）"),
    ("DJ204", "committee-on-small-branch", "不足7人的支部设了委员会", "A branch under 7 has a committee", W,
     "A branch with fewer than 7 full members has a secretary and, if needed, a deputy — no committee.",
     f"{_ZB}第六章第二十二条"),
    ("DJ205", "branch-over-50", "支部超过50人", "A branch has more than 50 members", W,
     "A branch generally has at most 50 members; above that a general branch (党总支) may be formed.",
     f"{_ZB}第四条；{_MAY}"),
    ("DJ206", "may-form-committee", "100人以上可成立党委", "100+ members may form a committee", N,
     "With 100 or more members a basic committee (党委) may be formed with approval — 'may', never 'shall'.", _MAY),
    ("DJ207", "joint-branch-units", "联合党支部覆盖单位数不对", "A joint branch covers too many or too few units", W,
     "A 联合党支部 covers several small units, generally at most 5.", f"{_ZB}第五条"),
    ("DJ208", "joint-branch-unit-too-big", "联合党支部纳入了3人以上单位", "A joint branch covers a unit with 3+ full members", E,
     "Only units with fewer than 3 full members join a joint branch; units with 3 or more set up their own.",
     f"{_ZB}第五条"),
    ("DJ209", "term-out-of-range", "任期超出3–5年", "A term is outside 3–5 years", E,
     "Party committees serve 3–5 years per term.", f"{_DZ}第三十一条"),
    ("DJ210", "term-unusual", "任期与组织类别不符", "A term is not the usual one for the organisation", W,
     "Village and community organisations at every level — a community's 楼院 and grid branches, a village "
     "committee's branches — and basic committees serve 5 years; other branches and general branches 3.",
     f"{_ZB}第二十三条；{_DZ}第三十一条；DOMAIN §1（村、社区各级党组织每届任期5年）"),
    ("DJ211", "term-overdue", "换届逾期超过1年", "An election is more than a year overdue", W,
     "An election may be brought forward or postponed by at most one year (needs ValidationConfig.as_of).",
     f"{_ZB}第二十三条"),
    ("DJ212", "superior-form", "上级党组织形式不对", "The superior's form cannot lead this form", E,
     "Party groups sit in branches, branches under general branches or committees, general branches under committees.",
     f"{_ZB}第三条至第五条；seed 003（党小组建在网格上）"),
    ("DJ213", "organisation-dates", "党组织日期颠倒", "A party organisation is dissolved before founded", E,
     "Dates must be in order for histories and terms to make sense.", _MODEL),
    # DJ3xx — alliance types
    ("DJ301", "mentoring-structure", "导师帮带型不是“1+N”", "A mentoring alliance is not '1+N'", E,
     "One mentor's organisation leads N key, weak or lagging villages.", _SEED1),
    ("DJ302", "mentee-designation", "帮带对象未认定", "A mentee is not designated key, weak or lagging", W,
     "The mentees of a mentoring alliance are 重点村、薄弱村、后进村.", _SEED1),
    ("DJ303", "strong-village-lead", "强村带动型的牵头方不是强村", "A strong-village-led alliance has no strong lead", E,
     "A red-famous, economically strong or boutique village leads the surrounding villages.", _SEED1),
    ("DJ304", "strong-village-contract", "强村带动型没有契约", "A strong-village-led alliance has no contract", E,
     "Strong-village-led alliances are contract-based (契约化).", _SEED1),
    ("DJ305", "industry-cluster-enterprise", "产业集聚型没有企业", "An industry cluster has no enterprise", E,
     "Industry clusters join village and enterprise party organisations along the chain (产业共营).", _SEED1),
    ("DJ306", "project-driven-lead", "项目牵引型不由镇（街道）党（工）委牵头", "A project-driven alliance is not led by the township committee", E,
     "The township or subdistrict committee leads; '项目推到哪、联盟就建到哪'.", _SEED1),
    ("DJ307", "project-driven-key-project", "项目牵引型未指明重点项目", "A project-driven alliance names no key project", E,
     "The key project's village or unit is the core of a project-driven alliance.", _SEED1),
    ("DJ308", "governance-forces", "治理联动型缺司法或专业力量", "A governance alliance has no judicial or professional force", E,
     "Governance alliances take in judicial-administrative and professional forces (调解、安全、物业).", _SEED1),
    ("DJ309", "service-hub-anchor", "服务统筹型未依托服务中心", "A service hub is not anchored at a service centre", E,
     "Service hubs are anchored at the party-mass service centre of a building, business district or park.", _SEED1),
    ("DJ310", "good-neighbour-superiors", "睦邻协作型未跨行政隶属", "A good-neighbour alliance has one administrative superior", E,
     "Good-neighbour alliances join adjacent areas under different administrative affiliations.", _SEED1),
    ("DJ311", "enclave-pooling", "飞地抱团型没有抱团投入", "An enclave-pooling alliance pools nothing", E,
     "Weak villages pool fiscal support, self-raised funds or land quotas from 2 or more villages into a project.",
     f"{_SEED1}；DOMAIN §5"),
    ("DJ312", "enclave-site", "飞地项目选址不在飞地", "An enclave project is not sited away", E,
     "The enclave lies outside at least one contributing village's territory (a better-placed site).",
     f"{_SEED1}；DOMAIN §5"),
    # DJ4xx — membership, dates, 四联三不变, teams, grids, brands
    ("DJ401", "lead-not-member", "牵头方不是成员", "The lead is not a member", E,
     "The lead organisation (牵头) takes part in the alliance it leads.", _SEED1),
    ("DJ402", "duplicate-membership", "成员重复登记", "A participant is listed twice at once", E,
     "A participant has one membership at a time; a re-admission starts after it left.", _MODEL),
    ("DJ403", "membership-dates", "成员退出早于加入", "A membership ends before it starts", E,
     "Leaving comes on or after joining.", _MODEL),
    ("DJ404", "membership-outside-lifetime", "成员资格超出联盟存续期", "A membership lies outside the alliance's lifetime", E,
     "Members join on or after the alliance is formed and leave by its dissolution.", _MODEL),
    ("DJ405", "alliance-dates", "联盟解散早于成立", "An alliance is dissolved before formed", E,
     "Formation comes on or before dissolution.", _MODEL),
    ("DJ406", "agreement-dates", "协议到期早于签订", "An agreement expires before it is signed", E,
     "An agreement's term runs forward from signing.", _MODEL),
    ("DJ407", "too-few-members", "联盟成员不足两方", "An alliance has fewer than two members", W,
     "An alliance joins at least two parties; one left alone should be dissolved or joined.", _SEED1),
    ("DJ411", "four-links-party-building", "四联：党建联盟无实体", "四联: no party-building link", E,
     "A declared 党建联盟 link needs a joint committee or a joint branch across members.", _SIXIAN),
    ("DJ412", "four-links-industry", "四联：产业联动无实体", "四联: no industry link", E,
     "A declared 产业联动 link needs a shared project or a joint company.", _SIXIAN),
    ("DJ413", "four-links-joint-plan", "四联：规划联体无实体", "四联: no joint plan covering every member", E,
     "A declared 规划联体 link needs a plan covering every member's territory.", _SIXIAN),
    ("DJ414", "four-links-governance", "四联：社会联治无实体", "四联: no joint-governance item", E,
     "A declared 社会联治 link needs a joint-governance item on the alliance's need or project list.", _SIXIAN),
    ("DJ421", "hierarchy-unchanged", "管理层级不变被打破", "管理层级不变 is broken", E,
     "The joint committee coordinates and the members hold stakes in the joint company: neither becomes a "
     "member's superior (the lifecycle refuses such a move; see also DJ108).", f"{_SIXIAN}；seed 003"),
    ("DJ422", "assets-unchanged", "资产属性不变被打破", "资产属性不变 is broken", E,
     "Each asset keeps its owner and nature; the alliance, joint committee or joint company owns no member asset.",
     _SIXIAN),
    ("DJ423", "accounting-unchanged", "账务核算不变被打破", "账务核算不变 is broken", E,
     "Each member keeps its own books; the alliance and joint committee keep none.", _SIXIAN),
    ("DJ424", "affiliation-unchanged", "原组织隶属关系不变被打破", "A person's affiliation was moved", E,
     "Joining co-building never changes a member's original party affiliation.", "seed 003（不改变党员原组织隶属关系）"),
    ("DJ431", "team-leader", "“1+4+N”缺书记", "A '1+4+N' team is not led by the secretary", E,
     "The '1' of a 议事先锋队 is the branch secretary.", "seed 002"),
    ("DJ432", "team-core", "“1+4+N”的“4”不全", "A '1+4+N' team lacks one of the four roles", E,
     "The '4' are a 楼门长, a 双报到党员, a 社区骨干 and a 物业负责人.", "seed 002"),
    ("DJ433", "team-volunteers", "“1+4+N”没有志愿者", "A '1+4+N' team has no volunteers", E,
     "The 'N' are volunteers, at least one.", "seed 002"),
    ("DJ441", "grid-party-group", "网格缺党小组", "A grid cell has no party group", E,
     "党小组建在网格上: a grid system with party groups has one on each of its bottom cells (seed 003: the 553 "
     "fourth-level cells), not necessarily on the cells above. ValidationConfig chooses the levels (for all "
     "grid systems or one) and whether every grid system needs party groups.", "seed 003"),
    ("DJ442", "grid-party-group-form", "网格党组织不是党小组", "A grid's party group is not a 党小组", E,
     "The organisation built on a grid cell is a party group.", "seed 003"),
    ("DJ451", "one-brand-per-domain", "一域多品", "A territory or field carries two brands", W,
     "一域一品: each territory (镇乡、街道) or field (学校、医院、国企) carries one party-building brand.", "seed 000"),
    ("DJ452", "brand-without-domain", "品牌无所属地域或领域", "A brand names no territory or field", E,
     "A brand belongs to a territory or a field, or 一域一品 cannot be checked.", "seed 000"),
    # DJ5xx — projects
    ("DJ501", "shares-sum", "股份合计不为1", "Shares do not add up to 1", E,
     "Equity shares of a project divide all of it: exactly 100%, checked with exact fractions.", "DOMAIN §5"),
    ("DJ502", "monetary-amount", "资金投入无金额", "A money contribution has no amount", E,
     "Cash, fiscal support and self-raised funds are sums of money; allocation needs the amount.", "DOMAIN §5；seed 001"),
    ("DJ503", "land-quantity", "用地投入无亩数", "A land contribution has no quantity in 亩", E,
     "Construction-land quotas are counted in 亩 (land also in ㎡); equity conversion needs the quantity.",
     "DOMAIN §5（龙游–镇海：用地指标折股）"),
    ("DJ504", "contributor-not-member", "投入方不是联盟成员", "A contributor or holder is not a member", W,
     "Contributions and shares come from the alliance's members (or its joint company).", "seed 001"),
    ("DJ505", "duplicate-shareholder", "重复持股", "A holder has two share entries", E,
     "One entry per holder keeps shares unambiguous for allocation.", _MODEL),
    ("DJ506", "no-allocation-basis", "收入无分配依据", "Income has nothing to allocate by", W,
     "Income is shared by shares or contributions (所得收入由三村共同分配); with neither it cannot be allocated.",
     "seed 001；DOMAIN §5"),
    ("DJ507", "project-dates", "项目日期早于开始", "A project record predates its start", W,
     "Contributions and income are recorded on or after the project starts.", _MODEL),
    ("DJ508", "allocation-rule-incomplete", "分配规则不完整", "The allocation rule does not fit its project", E,
     "A project's allocation rule must be applicable as written: every member it names shares in the "
     "project, its guarantor exists, and the project has the basis it splits by (investments, shares, "
     "figures). It is checked by allocating a trial amount.", "DOMAIN §5；seed 001（所得收入由三村共同分配）"),
    ("DJ509", "listed-project-resource", "清单项目所用资源不是认领方的", "A listed project uses another party's resource", E,
     "A 项目清单 entry is a partner's claim (认领) of a need it serves with what it offers: the resource it "
     "uses is on the 资源清单 as the claimant's own.", "seed 004（需求清单—资源清单—项目清单）；DOMAIN §2"),
    ("DJ510", "listed-project-claimant", "认领方不是联盟成员", "A listed project is claimed by a non-member", W,
     "The partners who claim needs are the alliance's members (合伙人): a unit, or its organisation or people, "
     "admitted to the alliance.", "seed 004（商企合伙人认领项目）；DOMAIN §2"),
    # DJ6xx — identifiers
    ("DJ601", "uscc", "统一社会信用代码无效", "An invalid Unified Social Credit Code", E,
     "18 characters from 0-9A-HJ-NPQRTUWXY with a MOD 31-3 check character; positions 1–2 may be letters.",
     "GB 32100-2015"),
    ("DJ602", "division-code-shape", "行政区划代码格式不对", "A division code has the wrong shape", E,
     "Division codes are 6, 9 or 12 digits beginning with a province prefix.", "GB/T 2260；GB/T 10114"),
    ("DJ603", "id-card", "居民身份证号码无效", "An invalid ID-card number", E,
     "18 characters with a MOD 11-2 check character and a real birth date; shown masked.", "GB 11643-1999"),
    ("DJ604", "division-code-level", "行政区划代码级别与单位不符", "A division code's level does not fit the unit", W,
     "Counties have 6 digits, townships and subdistricts 9, villages and communities 12.", "GB/T 2260；GB/T 10114"),
    # DJ7xx — meetings, deliberation, committee terms
    ("DJ701", "meeting-holder", "会议召开方不对", "A meeting is held by the wrong kind of body", E,
     "三会一课, 主题党日 and 组织生活会 are held by a party organisation (党小组会 by a party group); a joint "
     "meeting by an alliance or its joint committee.",
     f"{_ZB}第十一条至第十四条；seed 003（街道社区两级联席会议制度）"),
    ("DJ702", "meeting-outside-lifetime", "会议不在召开方存续期内", "A meeting lies outside its holder's lifetime", E,
     "A body meets after it is set up and before it is dissolved.", _MODEL),
    ("DJ703", "attendance-counts", "到会人数不一致", "Attendance figures contradict each other", E,
     "No more can be present (实到) than expected (应到), and no fewer than are listed by name.", _MODEL),
    ("DJ704", "below-quorum", "到会人数不足半数", "A meeting is below its quorum", W,
     "A 党员大会 proceeds only with more than half of the members with a vote present; a 支委会 with more "
     "than half of its committee members.", f"{_ZB}第十一条、第十二条"),
    ("DJ705", "missed-meeting", "未按期召开会议", "A meeting was missed in a period", W,
     "Alliances meet as often as their cadence says (e.g. 联席会议 quarterly, 定期会商 monthly); a branch "
     "holds its 党员大会 each quarter, its 支委会 and 党小组会 each month and a 党课 each quarter "
     "(needs ValidationConfig.as_of).",
     f"{_ZB}第十一条至第十三条；党课每季度至少1次（各地“三会一课”制度）；seed 003（定期会商）"),
    ("DJ711", "decision-breaks-three-unchanged", "议事决定打破三不变", "A decision would break 三不变", E,
     "An alliance's decisions coordinate; they never move a member's superior, assets, books or party "
     "affiliation.", f"{_SIXIAN}；seed 003（不改变党员原组织隶属关系）"),
    ("DJ712", "follow-up-outside-meeting", "落实责任方未参与议事", "A follow-up is given to someone who took no part", W,
     "A decision binds only the members that took part (事务共商): follow-up is carried by one of them.",
     "seed 001（大事共商、难事共议）；seed 003（事务共商）"),
    ("DJ713", "follow-up-overdue", "跟踪落实逾期", "A follow-up is past its date", W,
     "Each decision is followed up to its end (跟踪落实); an open item past its date needs chasing "
     "(needs ValidationConfig.as_of).", "seed 003（跟踪落实）；seed 002（议事成果落地）"),
    ("DJ714", "follow-up-dates", "落实日期不对", "A follow-up's dates or status contradict each other", E,
     "Follow-up comes after the decision, and an item with a completion date is no longer open.", _MODEL),
    ("DJ721", "term-order", "届次顺序不对", "Committee terms are out of order", E,
     "Each 届次 once, each election after the one before, each term ending when the next is elected.", _MODEL),
    ("DJ722", "term-gap", "届次或任期有缺口", "A gap between committee terms", W,
     "A committee serves until the next is elected; a missing 届次 or a time without a committee is a gap "
     "in the history.", f"{_DZ}第三十一条；{_ZB}第二十三条"),
    ("DJ723", "election-overdue", "换届逾期超过1年", "An election in the history is more than a year overdue", W,
     "An election may be postponed by at most one year; judged from each term's election and length (5 "
     "years when not given) (the last term needs ValidationConfig.as_of).", f"{_ZB}第二十三条"),
    ("DJ724", "post-outside-term", "职务超出任期", "A post is held outside its term", W,
     "Posts (书记、副书记、委员, also 大工委/大党委 兼职委员) begin with their term and end with it; a "
     "re-elected member is listed again in the new term.", f"{_ZB}第二十三条"),
    # DJ8xx — reported figures, custom terms, grid templates, exit conditions, claims
    ("DJ801", "figure-unit", "数据单位与指标不符", "A figure's unit does not fit its metric", W,
     "Each metric is counted in its own units (jobs in 个, workers in 人 or 名, visitors in 人次, income in 元, "
     "growth in %); a figure in another unit is mistyped or mis-filed.", "seeds 000–004（报道中的数据）；DOMAIN §6"),
    ("DJ802", "figure-below-registry", "报告数字少于登记在册", "A reported count is below what the registry lists", E,
     "A reported count of member units (besides the lead) or of party members that is surely below what the "
     "registry lists contradicts it: one of the two is wrong. Qualified figures (余, 近, 以上 …) count only when "
     "every value they allow is below.", "DOMAIN §6；dangjian_model 数据模型 (data model)"),
    ("DJ803", "custom-term", "自定义词语", "A term outside its vocabulary", N,
     "Vocabularies are open: every place coins linkages (艺术联姻, 阵地共建), units and roles of its own. A new "
     "term is kept with its label, never refused, and reported so that a misspelt known term can be caught.",
     "seed 000（活动共抓、作用共促）；seed 001（艺术联姻、阵地共建、便利共享）"),
    ("DJ804", "grid-template-count", "网格数与模板不符", "Listed grid cells differ from the template", E,
     "A grid system given by template (1/11/170/553) and its listed cells must agree on every level that is "
     "listed; levels not listed at all are taken from the template.", "seed 003（1个一级、11个二级、170个三级、553个四级网格）"),
    ("DJ805", "exit-due", "成员达到退出条件", "A member meets an exit condition", N,
     "A condition on membership (柯桥: villages whose operating income passes 150万元 leave at the end of the "
     "three-year term) names who must leave and when; a qualified figure that may pass is reported too.",
     "DOMAIN §5（柯桥飞地抱团：经营性收入超过150万元的村三年期满后退出）"),
    ("DJ806", "exit-overdue", "到期未退出", "A member stayed past its exit", W,
     "A member an exit condition sends out leaves when its term ends; one still listed after that day "
     "(ValidationConfig.as_of) or recorded as leaving later has stayed too long.", "DOMAIN §5（柯桥）"),
    ("DJ807", "claim-status", "认领状态不一致", "A claim on a listed project contradicts itself", E,
     "A claimed project (已认领, 实施中, 已完成, or a claim date) names the partner who claimed it; one marked "
     "open (待认领) has no claimant and no claim date.", "seed 004（需求清单—资源清单—项目清单，认领）"),
)  # fmt: skip


def _examples() -> dict[str, tuple[Builder, Builder]]:
    """Rule code → (failing builder, passing builder), every module of examples imported."""
    from dangjian_model.validation import (
        _examples_figures,  # noqa: F401  (registers the DJ8xx examples)
        _examples_meetings,  # noqa: F401  (registers the DJ7xx examples)
    )
    from dangjian_model.validation._examples import EXAMPLES

    return EXAMPLES


#: Every rule, in code order.
CATALOGUE: tuple[Rule, ...] = tuple(Rule(*entry) for entry in _ENTRIES)
#: Code → rule.
RULES: dict[str, Rule] = {rule.code: rule for rule in CATALOGUE}
#: The codes, in order.
CODES: tuple[str, ...] = tuple(RULES)
