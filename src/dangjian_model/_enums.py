"""The domain's vocabularies: every member has an English identifier and its Chinese label.

Sources: ``shared/DOMAIN.md`` §1–§4 and the seed articles it cites.
"""

from __future__ import annotations

from dangjian_model._labels import LabelledEnum, zh_name

__all__ = [
    "AgendaOrigin",
    "AllianceType",
    "AssetNature",
    "BrandField",
    "Cadence",
    "ClaimStatus",
    "CommitteeRole",
    "ContributionKind",
    "DecisionEffect",
    "Designation",
    "ElectionMethod",
    "FigureMetric",
    "FollowUpStatus",
    "Linkage",
    "LinkageVocabulary",
    "MeetingKind",
    "MembershipRole",
    "OrgTypeCode",
    "PartyOrgForm",
    "PartyStanding",
    "PersonRole",
    "Principle",
    "Qualifier",
    "QuantityUnit",
    "TeamKind",
    "Truth",
    "UnitKind",
]


@zh_name("单位类型")
class UnitKind(LabelledEnum):
    """The kind of a unit (单位): a territory, an organ, an institution, a firm or a group."""

    VILLAGE = ("village", "行政村", "村")
    COMMUNITY = ("community", "社区", "城市社区")
    SUBDISTRICT = ("subdistrict", "街道")
    TOWNSHIP = ("township", "镇乡", "镇", "乡", "鄉鎮")
    DISTRICT = ("district", "区县", "区", "县", "縣", "區")
    CITY = ("city", "市")
    GOVERNMENT_ORGAN = ("government_organ", "机关", "機關", "县直机关", "区级部门")
    COURT = ("court", "法院")
    PUBLIC_INSTITUTION = ("public_institution", "事业单位")
    SCHOOL = ("school", "学校", "學校")
    UNIVERSITY = ("university", "高校", "大学")
    ART_COLLEGE = ("art_college", "艺术院校")
    HOSPITAL = ("hospital", "医院", "醫院")
    STATE_ENTERPRISE = ("state_enterprise", "国有企业", "国企", "國企")
    PRIVATE_ENTERPRISE = ("private_enterprise", "民营企业", "民企")
    COLLECTIVE_ENTERPRISE = ("collective_enterprise", "集体企业", "村集体企业")
    NEW_ORGANISATION = ("new_organisation", "两新组织", "兩新組織")
    SOCIAL_ORGANISATION = ("social_organisation", "社会组织", "社會組織")
    MASS_ORGANISATION = ("mass_organisation", "群团组织", "群众性组织")
    COOPERATIVE = ("cooperative", "合作社")
    MERCHANT = ("merchant", "商户", "商戶")
    OWNERS_COMMITTEE = ("owners_committee", "业委会", "業委會")
    PROPERTY_COMPANY = ("property_company", "物业公司", "物業公司")
    NEW_ECONOMY_PLATFORM = ("new_economy_platform", "新业态企业", "新业态")
    SERVICE_CENTRE = ("service_centre", "党群服务中心", "服务站", "党群服务站")
    RESIDENT_TEAM = ("resident_team", "驻点团队")
    RESIDENTIAL_YARD = ("residential_yard", "楼院", "小区")
    BUSINESS_DISTRICT = ("business_district", "商圈")
    INDUSTRIAL_PARK = ("industrial_park", "园区")
    OTHER = ("other", "其他")

    @property
    def is_territory(self) -> bool:
        """True for units that are a territory (村, 社区, 街道, 镇乡, 区县, 市)."""
        return self in _TERRITORIES

    @property
    def is_enterprise(self) -> bool:
        """True for firms: state, private, collective, new-economy, property companies and merchants."""
        return self in _ENTERPRISES


_TERRITORIES = frozenset(
    {
        UnitKind.VILLAGE,
        UnitKind.COMMUNITY,
        UnitKind.SUBDISTRICT,
        UnitKind.TOWNSHIP,
        UnitKind.DISTRICT,
        UnitKind.CITY,
    }
)
_ENTERPRISES = frozenset(
    {
        UnitKind.STATE_ENTERPRISE,
        UnitKind.PRIVATE_ENTERPRISE,
        UnitKind.COLLECTIVE_ENTERPRISE,
        UnitKind.NEW_ECONOMY_PLATFORM,
        UnitKind.PROPERTY_COMPANY,
        UnitKind.MERCHANT,
    }
)


@zh_name("单位称号")
class Designation(LabelledEnum):
    """Designations a unit carries, used by alliance types such as 强村带动型 and 导师帮带型."""

    STRONG_VILLAGE = ("strong_village", "强村", "经济强村")
    RED_FAMOUS_VILLAGE = ("red_famous_village", "红色名村")
    BOUTIQUE_VILLAGE = ("boutique_village", "精品村")
    KEY_VILLAGE = ("key_village", "重点村")
    WEAK_VILLAGE = ("weak_village", "薄弱村", "消薄村")
    LAGGING_VILLAGE = ("lagging_village", "后进村")
    DEMONSTRATION_VILLAGE = ("demonstration_village", "示范村")

    @property
    def is_strong(self) -> bool:
        """True for the designations that let a village lead a 强村带动型 alliance."""
        return self in (
            Designation.STRONG_VILLAGE,
            Designation.RED_FAMOUS_VILLAGE,
            Designation.BOUTIQUE_VILLAGE,
        )

    @property
    def needs_help(self) -> bool:
        """True for 重点村、薄弱村、后进村: the villages a mentor leads."""
        return self in (Designation.KEY_VILLAGE, Designation.WEAK_VILLAGE, Designation.LAGGING_VILLAGE)


@zh_name("组织类别代码")
class OrgTypeCode(LabelledEnum):
    """De-facto organisation-type codes shared by several party-building systems (not an official table)."""

    C611 = ("611", "党委")
    C621 = ("621", "党总支")
    C631 = ("631", "党支部")
    C632 = ("632", "联合党支部")
    C911 = ("911", "临时党委")
    C921 = ("921", "临时党总支")
    C931 = ("931", "临时党支部")
    C932 = ("932", "临时联合党支部")


@zh_name("党组织形式")
class PartyOrgForm(LabelledEnum):
    """The form of a party organisation (党组织)."""

    LOCAL_COMMITTEE = ("local_committee", "地方党委", "区委", "县委", "市委")
    COMMITTEE = ("committee", "党委", "基层委员会", "黨委")
    WORKING_COMMITTEE = ("working_committee", "党工委", "黨工委")
    GENERAL_BRANCH = ("general_branch", "党总支", "黨總支")
    BRANCH = ("branch", "党支部", "支部", "黨支部")
    JOINT_BRANCH = ("joint_branch", "联合党支部", "聯合黨支部")
    TEMPORARY_COMMITTEE = ("temporary_committee", "临时党委")
    TEMPORARY_GENERAL_BRANCH = ("temporary_general_branch", "临时党总支")
    TEMPORARY_BRANCH = ("temporary_branch", "临时党支部", "臨時黨支部")
    TEMPORARY_JOINT_BRANCH = ("temporary_joint_branch", "临时联合党支部")
    PARTY_GROUP = ("party_group", "党小组", "黨小組")
    JOINT_COMMITTEE = ("joint_committee", "联合党委", "片区联合党委", "聯合黨委")

    @property
    def type_code(self) -> OrgTypeCode | None:
        """The de-facto code (611/621/631/632/9xx), or None for forms that have none."""
        return _TYPE_CODES.get(self)

    @property
    def is_temporary(self) -> bool:
        """True for the temporary forms (临时…), set up for a project or work of 6+ months."""
        return self._value_.startswith("temporary_")

    @property
    def is_branch(self) -> bool:
        """True for branches of every kind: the forms the 3- and 7-member rules apply to."""
        return self in (
            PartyOrgForm.BRANCH,
            PartyOrgForm.JOINT_BRANCH,
            PartyOrgForm.TEMPORARY_BRANCH,
            PartyOrgForm.TEMPORARY_JOINT_BRANCH,
        )

    @property
    def is_joint(self) -> bool:
        """True for the forms that cover several units (联合党支部, 联合党委)."""
        return self in (
            PartyOrgForm.JOINT_BRANCH,
            PartyOrgForm.TEMPORARY_JOINT_BRANCH,
            PartyOrgForm.JOINT_COMMITTEE,
        )


_TYPE_CODES = {
    PartyOrgForm.COMMITTEE: OrgTypeCode.C611,
    PartyOrgForm.GENERAL_BRANCH: OrgTypeCode.C621,
    PartyOrgForm.BRANCH: OrgTypeCode.C631,
    PartyOrgForm.JOINT_BRANCH: OrgTypeCode.C632,
    PartyOrgForm.TEMPORARY_COMMITTEE: OrgTypeCode.C911,
    PartyOrgForm.TEMPORARY_GENERAL_BRANCH: OrgTypeCode.C921,
    PartyOrgForm.TEMPORARY_BRANCH: OrgTypeCode.C931,
    PartyOrgForm.TEMPORARY_JOINT_BRANCH: OrgTypeCode.C932,
}


@zh_name("人员角色")
class PersonRole(LabelledEnum):
    """Roles a person holds in the domain (seeds 000, 002, 003, 004)."""

    SECRETARY = ("secretary", "书记", "書記")
    DEPUTY_SECRETARY = ("deputy_secretary", "副书记")
    COMMITTEE_MEMBER = ("committee_member", "委员")
    CONCURRENT_COMMITTEE_MEMBER = ("concurrent_committee_member", "兼职委员")
    BUILDING_LEADER = ("building_leader", "楼门长", "樓門長")
    DUAL_REPORTING_MEMBER = ("dual_reporting_member", "双报到党员")
    COMMUNITY_BACKBONE = ("community_backbone", "社区骨干")
    PROPERTY_MANAGER = ("property_manager", "物业负责人")
    VOLUNTEER = ("volunteer", "志愿者")
    PARTNER = ("partner", "合伙人", "合夥人", "精治合伙人", "商企合伙人")
    VILLAGE_SAGE = ("village_sage", "乡贤", "乡贤能人")
    FIRST_SECRETARY = ("first_secretary", "驻村第一书记")
    RETURNEE = ("returnee", "返乡人员")
    ADVISER = ("adviser", "顾问", "专家")
    HEAD_GOOSE = ("head_goose", "头雁", "頭雁")
    STRONG_GOOSE = ("strong_goose", "强雁", "強雁")
    RETURNING_GOOSE = ("returning_goose", "归雁", "歸雁")
    SWAN_GOOSE = ("swan_goose", "鸿雁", "鴻雁")
    FLOCK_GOOSE = ("flock_goose", "群雁", "羣雁")
    COURIER = ("courier", "快递小哥", "外卖小哥")
    # issue 15: the individuals the seeds name as advisers and partners, and members away from home
    INTERNATIONAL_FRIEND = ("international_friend", "国际友人")
    FLOATING_MEMBER = ("floating_member", "流动党员", "外出党员")


@zh_name("政治面貌")
class PartyStanding(LabelledEnum):
    """A person's standing: full member (正式党员), probationary member (预备党员) or none (群众)."""

    FULL = ("full", "正式党员", "党员")
    PROBATIONARY = ("probationary", "预备党员")
    NONE = ("none", "群众", "非党员")


@zh_name("联盟类型")
class AllianceType(LabelledEnum):
    """The type of a party-building alliance: Ningbo's eight modes (seed 001) and the other forms."""

    MENTORING = ("mentoring", "导师帮带型")
    STRONG_VILLAGE_LED = ("strong_village_led", "强村带动型")
    INDUSTRY_CLUSTER = ("industry_cluster", "产业集聚型")
    PROJECT_DRIVEN = ("project_driven", "项目牵引型")
    GOVERNANCE = ("governance", "治理联动型")
    SERVICE_HUB = ("service_hub", "服务统筹型")
    GOOD_NEIGHBOUR = ("good_neighbour", "睦邻协作型")
    ENCLAVE_POOLING = ("enclave_pooling", "飞地抱团型", "飛地抱團型")
    CLUSTER = ("cluster", "片区党建联盟", "片区联盟")
    REGIONAL_CO_BUILDING = ("regional_co_building", "区域化党建", "大工委", "大党委")
    PARTNER = ("partner", "合伙人联盟", "精治合伙人", "商企合伙人")
    FUSION = ("fusion", "多区融合")
    SERVICE_ALLIANCE = ("service_alliance", "服务联盟")

    @property
    def is_ningbo_mode(self) -> bool:
        """True for the eight modes of seed 001."""
        return self in _NINGBO_MODES


_NINGBO_MODES = frozenset(
    {
        AllianceType.MENTORING,
        AllianceType.STRONG_VILLAGE_LED,
        AllianceType.INDUSTRY_CLUSTER,
        AllianceType.PROJECT_DRIVEN,
        AllianceType.GOVERNANCE,
        AllianceType.SERVICE_HUB,
        AllianceType.GOOD_NEIGHBOUR,
        AllianceType.ENCLAVE_POOLING,
    }
)


@zh_name("成员角色")
class MembershipRole(LabelledEnum):
    """The role of a participant in an alliance."""

    LEAD = ("lead", "牵头", "牵头单位")
    MENTOR = ("mentor", "导师", "帮带方")
    MEMBER = ("member", "成员", "会员单位", "成员单位")
    MENTEE = ("mentee", "帮带对象", "被帮带")
    ADVISER = ("adviser", "顾问")
    PARTNER = ("partner", "合伙人")
    CORE = ("core", "核心", "核心单位")


@zh_name("联动方式")
class Linkage(LabelledEnum):
    """A linkage an alliance declares. See :class:`LinkageVocabulary` for the sets they come in."""

    # 四联 (seed 001)
    PARTY_BUILDING = ("party_building", "党建联盟")
    INDUSTRY = ("industry", "产业联动")
    JOINT_PLANNING = ("joint_planning", "规划联体")
    JOINT_GOVERNANCE = ("joint_governance", "社会联治")
    # seed 004
    ORGANISATION_JOINT_BUILDING = ("organisation_joint_building", "组织联建")
    ACTIVITIES_JOINTLY_HELD = ("activities_jointly_held", "活动联办")
    SERVICE_LINKAGE = ("service_linkage", "服务联动")
    # 八共 (seed 003); 组织共建 and 资源共享 also in seed 002
    ORGANISATION_CO_BUILDING = ("organisation_co_building", "组织共建")
    RESOURCE_SHARING = ("resource_sharing", "资源共享")
    ACTIVITIES_CO_HELD = ("activities_co_held", "活动共办")
    AFFAIRS_CO_DISCUSSED = ("affairs_co_discussed", "事务共商")
    TALENT_CO_CULTIVATED = ("talent_co_cultivated", "人才共育")
    SYSTEMS_CO_CREATED = ("systems_co_created", "制度共创")
    CULTURE_CO_PROSPERED = ("culture_co_prospered", "文化共兴")
    DEVELOPMENT_CO_PROMOTED = ("development_co_promoted", "发展共促")
    # seed 002
    ACTIVITIES_CO_LINKED = ("activities_co_linked", "活动共联")
    # seed 001 (宁海 组织联建、艺术联姻、产业联动; 鄞州 资源共享、阵地共建、活动共办、便利共享)
    ART_PARTNERSHIP = ("art_partnership", "艺术联姻")
    POSITIONS_CO_BUILT = ("positions_co_built", "阵地共建")
    CONVENIENCE_SHARED = ("convenience_shared", "便利共享")
    # seed 000 (怀柔 城市支部: 资源共享、组织共建、活动共抓、作用共促)
    ACTIVITIES_CO_RUN = ("activities_co_run", "活动共抓")
    ROLES_CO_PROMOTED = ("roles_co_promoted", "作用共促")


@zh_name("联动体系")
class LinkageVocabulary(LabelledEnum):
    """The named sets of linkages the seeds use."""

    FOUR_LINKS = ("four_links", "四联")
    THREE_JOINT = ("three_joint", "三联")
    EIGHT_TOGETHER = ("eight_together", "八共")
    THREE_TOGETHER = ("three_together", "三共")

    @property
    def linkages(self) -> frozenset[Linkage]:
        """The linkages of this vocabulary."""
        return _VOCABULARIES[self]


_VOCABULARIES = {
    LinkageVocabulary.FOUR_LINKS: frozenset(
        {Linkage.PARTY_BUILDING, Linkage.INDUSTRY, Linkage.JOINT_PLANNING, Linkage.JOINT_GOVERNANCE}
    ),
    LinkageVocabulary.THREE_JOINT: frozenset(
        {Linkage.ORGANISATION_JOINT_BUILDING, Linkage.ACTIVITIES_JOINTLY_HELD, Linkage.SERVICE_LINKAGE}
    ),
    LinkageVocabulary.EIGHT_TOGETHER: frozenset(
        {
            Linkage.ORGANISATION_CO_BUILDING,
            Linkage.RESOURCE_SHARING,
            Linkage.ACTIVITIES_CO_HELD,
            Linkage.AFFAIRS_CO_DISCUSSED,
            Linkage.TALENT_CO_CULTIVATED,
            Linkage.SYSTEMS_CO_CREATED,
            Linkage.CULTURE_CO_PROSPERED,
            Linkage.DEVELOPMENT_CO_PROMOTED,
        }
    ),
    LinkageVocabulary.THREE_TOGETHER: frozenset(
        {Linkage.ORGANISATION_CO_BUILDING, Linkage.ACTIVITIES_CO_LINKED, Linkage.RESOURCE_SHARING}
    ),
}


@zh_name("原则")
class Principle(LabelledEnum):
    """Principles an alliance declares to protect its members: 三不变 and, for people, 隶属关系不变."""

    MANAGEMENT_HIERARCHY_UNCHANGED = ("management_hierarchy_unchanged", "管理层级不变")
    ASSET_NATURE_UNCHANGED = ("asset_nature_unchanged", "资产属性不变")
    ACCOUNTING_UNCHANGED = ("accounting_unchanged", "账务核算不变", "賬務核算不變")
    AFFILIATION_UNCHANGED = ("affiliation_unchanged", "原组织隶属关系不变", "隶属关系不变")


@zh_name("投入类型")
class ContributionKind(LabelledEnum):
    """What a member puts into a joint project (共建项目)."""

    CASH = ("cash", "现金", "出资")
    FISCAL_SUPPORT_FUNDS = ("fiscal_support_funds", "财政扶持资金")
    SELF_RAISED_FUNDS = ("self_raised_funds", "村自筹发展资金", "自筹资金")
    CONSTRUCTION_LAND_QUOTA = ("construction_land_quota", "存量建设用地指标", "建设用地指标")
    LAND = ("land", "土地")
    LABOUR = ("labour", "劳务", "劳动力")
    FACILITY = ("facility", "场地设施", "场地")
    SERVICE = ("service", "服务")
    OTHER = ("other", "其他")

    @property
    def is_monetary(self) -> bool:
        """True for the kinds that are sums of money (cash, fiscal and self-raised funds)."""
        return self in (
            ContributionKind.CASH,
            ContributionKind.FISCAL_SUPPORT_FUNDS,
            ContributionKind.SELF_RAISED_FUNDS,
        )


@zh_name("计量单位")
class QuantityUnit(LabelledEnum):
    """Units of quantities: land and labour, and the counting words of reported figures (个, 人, 人次, 家 …).

    Each counting word is its own member, so that a figure reads back as it was written (``1.3亿件``,
    ``近万名``); the vocabulary is open where figures use it (a new word is kept as a custom term).
    """

    MU = ("mu", "亩", "畝")
    SQUARE_METRE = ("square_metre", "平方米", "㎡")
    PERSON_DAY = ("person_day", "工日")
    PIECE = ("piece", "个", "個")
    # counting words of reported figures (issue 15)
    ITEM = ("item", "件")
    PERSON = ("person", "人")
    HEADCOUNT = ("headcount", "名")
    PERSON_TIME = ("person_time", "人次")
    ESTABLISHMENT = ("establishment", "家")
    SESSION = ("session", "场", "場")
    ROOM = ("room", "间", "間")
    PLACE = ("place", "处", "處")
    TASK = ("task", "项", "項")
    SQUAD = ("squad", "支")
    HOUSEHOLD = ("household", "户", "戶")
    TIMES = ("times", "次")
    ROUTE = ("route", "条", "條")
    YUAN = ("yuan", "元")
    PERCENT = ("percent", "%", "％", "百分比")

    @property
    def counts_people(self) -> bool:
        """True for the words that count people (人, 名): the units of a count of members or workers."""
        return self in (QuantityUnit.PERSON, QuantityUnit.HEADCOUNT)


@zh_name("资产属性")
class AssetNature(LabelledEnum):
    """The nature of an asset (资产属性): whose kind of property it is."""

    VILLAGE_COLLECTIVE = ("village_collective", "村集体资产", "村集体")
    STATE = ("state", "国有资产", "国有")
    PRIVATE = ("private", "私营资产", "民营")
    COLLECTIVE_ENTERPRISE = ("collective_enterprise", "集体企业资产")
    SOCIAL = ("social", "社会组织资产")


@zh_name("品牌领域")
class BrandField(LabelledEnum):
    """The fields (领域) that carry a party-building brand under 一域一品 (seed 000)."""

    SCHOOLS = ("schools", "学校")
    HOSPITALS = ("hospitals", "医院")
    STATE_ENTERPRISES = ("state_enterprises", "国企")
    ORGANS = ("organs", "机关")
    NEW_ORGANISATIONS = ("new_organisations", "两新组织")
    RURAL = ("rural", "农村")
    URBAN = ("urban", "城市")


@zh_name("队伍类型")
class TeamKind(LabelledEnum):
    """Standing teams such as the "1+4+N" 议事先锋队 of seed 002."""

    ONE_FOUR_N = ("one_four_n", "1+4+N议事先锋队", "议事先锋队", "1+4+N")
    THINK_TANK = ("think_tank", "智库", "乡村振兴智库")
    VOLUNTEER_TEAM = ("volunteer_team", "志愿服务队")
    PROFESSOR_TEAM = ("professor_team", "教授团队", "专家团队")


# ---------------------------------------------------------------- meetings, deliberation, committee terms


@zh_name("会议类型")
class MeetingKind(LabelledEnum):
    """Kinds of meeting: an alliance's joint meetings and deliberation, and a branch's 三会一课 (seeds 001–003)."""

    JOINT_MEETING = ("joint_meeting", "联席会议", "联席会")
    ALLIANCE_MEETING = ("alliance_meeting", "联盟会议", "联盟大会")
    DELIBERATION = ("deliberation", "议事协商", "议事会", "议事协商会")
    BRANCH_GENERAL_MEETING = ("branch_general_meeting", "支部党员大会", "党员大会")
    BRANCH_COMMITTEE_MEETING = ("branch_committee_meeting", "支部委员会", "支委会", "支部委员会会议")
    PARTY_GROUP_MEETING = ("party_group_meeting", "党小组会")
    PARTY_LECTURE = ("party_lecture", "党课")
    THEME_PARTY_DAY = ("theme_party_day", "主题党日")
    ORGANISATIONAL_LIFE_MEETING = ("organisational_life_meeting", "组织生活会")

    @property
    def is_party_life(self) -> bool:
        """True for the 三会一课, 主题党日 and 组织生活会: meetings only a party organisation holds."""
        return self in _PARTY_LIFE


_PARTY_LIFE = frozenset(
    {
        MeetingKind.BRANCH_GENERAL_MEETING,
        MeetingKind.BRANCH_COMMITTEE_MEETING,
        MeetingKind.PARTY_GROUP_MEETING,
        MeetingKind.PARTY_LECTURE,
        MeetingKind.THEME_PARTY_DAY,
        MeetingKind.ORGANISATIONAL_LIFE_MEETING,
    }
)


@zh_name("议题来源")
class AgendaOrigin(LabelledEnum):
    """How an agenda item (议题) came to a meeting: 议题动议、定期会商、即时商议 (seed 003)."""

    MOTION = ("motion", "动议", "议题动议")
    REGULAR = ("regular", "定期会商")
    IMMEDIATE = ("immediate", "即时商议")


@zh_name("落实状态")
class FollowUpStatus(LabelledEnum):
    """Where the follow-up (跟踪落实) of a decision stands."""

    PENDING = ("pending", "待落实", "未落实")
    IN_PROGRESS = ("in_progress", "落实中", "推进中")
    DONE = ("done", "已落实", "已办结")
    DROPPED = ("dropped", "已撤销", "不再落实")

    @property
    def is_open(self) -> bool:
        """True while the follow-up still has to be done (待落实, 落实中)."""
        return self in (FollowUpStatus.PENDING, FollowUpStatus.IN_PROGRESS)


@zh_name("决定的影响")
class DecisionEffect(LabelledEnum):
    """What a decision (议事成果) would change that 三不变 (and 原组织隶属关系不变) protects: always flagged."""

    CHANGES_SUPERIOR = ("changes_superior", "变更管理层级", "调整隶属关系")
    TRANSFERS_ASSET = ("transfers_asset", "划转资产", "变更资产属性")
    MERGES_BOOKS = ("merges_books", "合并账务", "统一核算")
    REAFFILIATES_MEMBERS = ("reaffiliates_members", "转移党员组织关系")

    @property
    def principle(self) -> Principle:
        """The principle this effect would break."""
        return _BROKEN[self]


_BROKEN = {
    DecisionEffect.CHANGES_SUPERIOR: Principle.MANAGEMENT_HIERARCHY_UNCHANGED,
    DecisionEffect.TRANSFERS_ASSET: Principle.ASSET_NATURE_UNCHANGED,
    DecisionEffect.MERGES_BOOKS: Principle.ACCOUNTING_UNCHANGED,
    DecisionEffect.REAFFILIATES_MEMBERS: Principle.AFFILIATION_UNCHANGED,
}


@zh_name("会议频次")
class Cadence(LabelledEnum):
    """How often a meeting is due: the period a cadence rule counts meetings in."""

    MONTH = ("month", "每月", "月", "月度")
    QUARTER = ("quarter", "每季度", "季度", "季")
    HALF_YEAR = ("half_year", "每半年", "半年")
    YEAR = ("year", "每年", "年", "年度")

    @property
    def months(self) -> int:
        """The length of one period in months."""
        return {"month": 1, "quarter": 3, "half_year": 6, "year": 12}[self.value]


@zh_name("选举方式")
class ElectionMethod(LabelledEnum):
    """How a committee (委员会) was chosen at a change of term (换届)."""

    COMPETITIVE = ("competitive", "差额选举")
    UNCONTESTED = ("uncontested", "等额选举")
    APPOINTED = ("appointed", "上级党组织指定", "指派", "任命")


@zh_name("委员会职务")
class CommitteeRole(LabelledEnum):
    """A post on a party committee: 书记, 副书记 or 委员."""

    SECRETARY = ("secretary", "书记", "書記")
    DEPUTY_SECRETARY = ("deputy_secretary", "副书记")
    MEMBER = ("member", "委员")


# ---------------------------------------------------------------- reported figures (issue 15)


@zh_name("限定")
class Qualifier(LabelledEnum):
    """How exact a reported figure is, as its text says: 确数, or 余/多/超过/以上 (at least), 近/约/左右 (about),
    不到/以内 (at most)."""

    EXACTLY = ("exactly", "确数", "整")
    AT_LEAST = ("at_least", "以上", "余", "多", "超过", "+")
    ABOUT = ("about", "约", "近", "左右")
    AT_MOST = ("at_most", "以内", "不到")


@zh_name("真值")
class Truth(LabelledEnum):
    """The answer of a comparison of qualified figures: true, false, or unknown (the text does not say)."""

    TRUE = ("true", "是")
    FALSE = ("false", "否")
    UNKNOWN = ("unknown", "不确定")

    @classmethod
    def of(cls, value: bool) -> Truth:
        """``TRUE`` or ``FALSE``."""
        return cls.TRUE if value else cls.FALSE


@zh_name("指标")
class FigureMetric(LabelledEnum):
    """What a reported figure measures: the metrics the seeds report (seeds 000–004, DOMAIN §6)."""

    NEW_JOBS = ("new_jobs", "新增就业岗位", "就业岗位", "带动就业")
    INCOME_GROWTH = ("income_growth", "收入增幅", "集体经济收入增幅", "增幅")
    COLLECTIVE_INCOME = ("collective_income", "村集体经济收入", "集体经济收入")
    OPERATING_INCOME = ("operating_income", "经营性收入", "经营收入")
    REVENUE = ("revenue", "营业收入", "收入", "营业额", "创收")
    INVESTMENT = ("investment", "投资", "投入资金")
    BUSINESS_VOLUME = ("business_volume", "业务量", "快递业务量")
    MEMBER_UNITS = ("member_units", "成员单位", "共建单位", "共建共驻单位", "会员单位")
    PARTNER_UNITS = ("partner_units", "合伙单位", "合伙商户")
    BRANDS = ("brands", "品牌", "入驻品牌")
    OUTLETS = ("outlets", "网点", "分支机构及末端网点")
    DEPARTMENTS = ("departments", "部门", "区级部门")
    STATIONS = ("stations", "站点", "服务站点", "驿站")
    MERCHANTS = ("merchants", "商户")
    WORKERS = ("workers", "从业人员")
    PARTY_MEMBERS = ("party_members", "党员", "党员人数")
    CADRES = ("cadres", "干部", "党员干部", "机关党员干部")
    VOLUNTEERS = ("volunteers", "志愿者", "参与人数")
    RESIDENTS = ("residents", "居民", "服务居民")
    VISITORS = ("visitors", "游客", "接待游客")
    BENEFICIARIES = ("beneficiaries", "受惠者", "受益人次", "培训人次")
    SERVICES = ("services", "服务", "服务项目", "便民服务")
    ACTIVITIES = ("activities", "活动", "活动场次", "讲座")
    SPACES = ("spaces", "空间", "艺术空间", "宅基地")
    GRID_CELLS = ("grid_cells", "网格", "网格数")
    OTHER_COUNT = ("other_count", "数量", "其他数量")

    @property
    def units(self) -> frozenset[QuantityUnit]:
        """The units a figure of this metric may be given in (DJ801 checks them)."""
        return _METRIC_UNITS[self]

    @property
    def counts_members(self) -> bool:
        """True for the metrics a registry can count itself: member units and party members (DJ802)."""
        return self in (FigureMetric.MEMBER_UNITS, FigureMetric.PARTY_MEMBERS, FigureMetric.PARTNER_UNITS)


_Q = QuantityUnit
_COUNTS = frozenset({_Q.PIECE, _Q.ESTABLISHMENT, _Q.PLACE})
_PEOPLE = frozenset({_Q.PERSON, _Q.HEADCOUNT})
_MONEY = frozenset({_Q.YUAN})
_METRIC_UNITS: dict[FigureMetric, frozenset[QuantityUnit]] = {
    FigureMetric.NEW_JOBS: frozenset({_Q.PIECE}),
    FigureMetric.INCOME_GROWTH: frozenset({_Q.PERCENT}),
    FigureMetric.COLLECTIVE_INCOME: _MONEY,
    FigureMetric.OPERATING_INCOME: _MONEY,
    FigureMetric.REVENUE: _MONEY,
    FigureMetric.INVESTMENT: _MONEY,
    FigureMetric.BUSINESS_VOLUME: frozenset({_Q.ITEM}),
    FigureMetric.MEMBER_UNITS: _COUNTS,
    FigureMetric.PARTNER_UNITS: _COUNTS,
    FigureMetric.BRANDS: frozenset({_Q.PIECE}),
    FigureMetric.OUTLETS: _COUNTS,
    FigureMetric.DEPARTMENTS: _COUNTS,
    FigureMetric.STATIONS: _COUNTS,
    FigureMetric.MERCHANTS: _COUNTS,
    FigureMetric.WORKERS: _PEOPLE,
    FigureMetric.PARTY_MEMBERS: _PEOPLE,
    FigureMetric.CADRES: _PEOPLE,
    FigureMetric.VOLUNTEERS: _PEOPLE,
    FigureMetric.RESIDENTS: _PEOPLE | {_Q.HOUSEHOLD},
    FigureMetric.VISITORS: _PEOPLE | {_Q.PERSON_TIME},
    FigureMetric.BENEFICIARIES: _PEOPLE | {_Q.PERSON_TIME},
    FigureMetric.SERVICES: frozenset({_Q.TASK, _Q.TIMES, _Q.PIECE}),
    FigureMetric.ACTIVITIES: frozenset({_Q.SESSION, _Q.TIMES, _Q.PIECE}),
    FigureMetric.SPACES: frozenset({_Q.PIECE, _Q.ROOM, _Q.PLACE}),
    FigureMetric.GRID_CELLS: frozenset({_Q.PIECE}),
    FigureMetric.OTHER_COUNT: frozenset(QuantityUnit) - {_Q.YUAN, _Q.PERCENT},
}


@zh_name("认领状态")
class ClaimStatus(LabelledEnum):
    """Where a claim (认领) on a listed project (项目清单) stands (seed 004)."""

    OPEN = ("open", "待认领", "未认领")
    CLAIMED = ("claimed", "已认领")
    IN_PROGRESS = ("in_progress", "实施中", "推进中")
    DONE = ("done", "已完成", "已办结")
    WITHDRAWN = ("withdrawn", "已撤回", "已取消")

    @property
    def is_claimed(self) -> bool:
        """True once a partner has claimed it (认领), whatever happened next."""
        return self is not ClaimStatus.OPEN
