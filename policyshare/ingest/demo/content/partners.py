"""The organisations the city works with, each with a generated logo (Latin letters only, so
that it renders without a Korean font)."""

from wagtail.images.models import Image

from policyshare.network.models import Partner

from ..spec import L, Picture, Ref, Snippet

INTERNATIONAL = Partner.Kind.INTERNATIONAL
NETWORK = Partner.Kind.CITY_NETWORK
GOVERNMENT = Partner.Kind.GOVERNMENT
FINANCE = Partner.Kind.FINANCE
ACADEMIA = Partner.Kind.ACADEMIA
BUSINESS = Partner.Kind.BUSINESS

# key, logo label, logo colour, kind, Korean name, English name, website,
# Korean description, English description
_PARTNERS = [
    ("citynet", "CITYNET", "#0a6e8a", NETWORK,
     "시티넷", "CITYNET", "https://citynet-ap.org",
     "아시아·태평양 도시들의 협력 네트워크로, 서울에 사무국을 두고 있습니다.",
     "The network of Asia-Pacific cities, with its secretariat in Seoul."),
    ("iclei", "ICLEI", "#3a8d3f", NETWORK,
     "이클레이 – 지속가능성을 위한 세계지방정부", "ICLEI – Local Governments for Sustainability",
     "https://iclei.org",
     "지속가능한 발전을 추구하는 지방정부들의 세계 네트워크입니다.",
     "A global network of local governments working towards sustainable development."),
    ("un-habitat", "UN-Habitat", "#0072bc", INTERNATIONAL,
     "유엔 해비타트", "UN-Habitat", "https://unhabitat.org",
     "지속가능한 도시와 주거를 위한 유엔 기구입니다.",
     "The United Nations programme for sustainable cities and human settlements."),
    ("wego", "WeGO", "#6b3fa0", NETWORK,
     "세계스마트지속가능도시기구(WeGO)", "WeGO – World Smart Sustainable Cities Organization",
     "https://we-gov.org",
     "스마트 기술로 도시 문제를 푸는 도시들의 협의체입니다.",
     "An association of cities that use smart technology to solve urban problems."),
    ("world-bank", "WORLD BANK", "#002244", FINANCE,
     "세계은행", "World Bank", "https://www.worldbank.org",
     "개발도상국의 발전을 위한 재원과 지식을 제공하는 국제금융기구입니다.",
     "The international financial institution that funds and advises developing countries."),
    ("koica", "KOICA", "#1d4f91", GOVERNMENT,
     "한국국제협력단(KOICA)", "Korea International Cooperation Agency (KOICA)",
     "https://www.koica.go.kr",
     "대한민국 정부의 무상 개발협력을 맡은 기관입니다.",
     "The agency that delivers Korea's grant aid for development."),
    ("kotra", "KOTRA", "#e4002b", GOVERNMENT,
     "대한무역투자진흥공사(KOTRA)", "Korea Trade-Investment Promotion Agency (KOTRA)",
     "https://www.kotra.or.kr",
     "한국 기업의 해외 진출과 외국인 투자 유치를 돕는 기관입니다.",
     "The agency that helps Korean firms abroad and brings investment to Korea."),
    ("seoul", "SEOUL", "#c8102e", GOVERNMENT,
     "서울특별시", "Seoul Metropolitan Government", "https://www.seoul.go.kr",
     "이 포털에서 정책을 공유하는 도시 정부입니다.",
     "The city government that shares its policies on this portal."),
    ("k-developedia", "K-DEV", "#00857c", ACADEMIA,
     "K-Developedia", "K-Developedia", "https://www.kdevelopedia.org",
     "한국의 발전 경험을 모은 지식 플랫폼입니다.",
     "A knowledge platform on Korea's development experience."),
    ("metropolis", "METROPOLIS", "#e05a1b", NETWORK,
     "메트로폴리스", "Metropolis", "https://www.metropolis.org",
     "세계 대도시들의 협의체로, 국제연수원(MITI)을 운영합니다.",
     "The association of the world's major cities, which runs the MITI training institute."),
    ("world-cities-summit", "WCS", "#00a3ad", INTERNATIONAL,
     "세계도시정상회의", "World Cities Summit", "https://www.worldcitiessummit.com.sg",
     "싱가포르에서 열리는 도시 정책 지도자들의 국제회의입니다.",
     "An international meeting of city leaders held in Singapore."),
    ("clc", "CLC", "#5b2c83", GOVERNMENT,
     "싱가포르 살기좋은도시센터(CLC)", "Centre for Liveable Cities (CLC), Singapore",
     "https://www.clc.gov.sg",
     "살기 좋은 도시에 관한 지식을 연구하고 나누는 싱가포르 정부 기관입니다.",
     "A Singapore government centre that researches and shares knowledge on liveable cities."),
    ("icak", "ICAK", "#24408e", BUSINESS,
     "해외건설협회", "International Contractors Association of Korea", "https://www.icak.or.kr",
     "해외 건설 시장에 진출하는 한국 기업들의 협회입니다.",
     "The association of Korean firms building abroad."),
    ("adb", "ADB", "#0067b1", FINANCE,
     "아시아개발은행(ADB)", "Asian Development Bank (ADB)", "https://www.adb.org",
     "아시아·태평양 지역의 개발을 지원하는 국제금융기구입니다.",
     "The development bank for Asia and the Pacific."),
    ("moef", "MOEF", "#2b4c8c", GOVERNMENT,
     "기획재정부", "Ministry of Economy and Finance", "https://www.moef.go.kr",
     "대한민국의 경제 정책과 대외 경제협력을 맡은 부처입니다.",
     "The Korean ministry for economic policy and international economic cooperation."),
    ("mofa", "MOFA", "#1c3f94", GOVERNMENT,
     "외교부", "Ministry of Foreign Affairs", "https://www.mofa.go.kr",
     "대한민국의 외교를 맡은 부처입니다.",
     "The Korean ministry for foreign affairs."),
    ("koreaexim", "KEXIM", "#0d5aa7", FINANCE,
     "한국수출입은행", "Export-Import Bank of Korea", "https://www.koreaexim.go.kr",
     "수출입과 해외 투자, 대외경제협력기금을 지원하는 정책금융기관입니다.",
     "The policy bank for trade, overseas investment and Korea's development loans."),
    ("kofia", "KOFIA", "#00539b", BUSINESS,
     "금융투자협회", "Korea Financial Investment Association", "https://www.kofia.or.kr",
     "증권사와 자산운용사 등 금융투자회사들의 협회입니다.",
     "The association of Korea's securities and asset management firms."),
    ("kdi", "KDI", "#00427a", ACADEMIA,
     "한국개발연구원(KDI)", "Korea Development Institute (KDI)", "https://www.kdi.re.kr",
     "경제·사회 정책을 연구하는 국책 연구기관입니다.",
     "The national think tank for economic and social policy."),
    ("korcham", "KCCI", "#004a98", BUSINESS,
     "대한상공회의소", "Korea Chamber of Commerce and Industry", "https://www.korcham.net",
     "전국 상공업계를 대표하는 경제단체입니다.",
     "The nationwide chamber representing Korean business."),
    ("kbiz", "KBIZ", "#0a7bc2", BUSINESS,
     "중소기업중앙회", "Korea Federation of SMEs", "https://www.kbiz.or.kr",
     "중소기업과 협동조합을 대표하는 경제단체입니다.",
     "The federation representing small and medium-sized enterprises and their cooperatives."),
    ("kpa", "KPA", "#4a7c2f", ACADEMIA,
     "대한국토·도시계획학회", "Korea Planning Association", "https://www.kpa1959.or.kr",
     "국토와 도시계획을 연구하는 학술단체입니다.",
     "The learned society for national and urban planning."),
    ("kosmic", "KOSMIC", "#7a4b9c", BUSINESS,
     "KOSMIC", "KOSMIC", "", "", ""),
    ("uos", "UOS", "#00467f", ACADEMIA,
     "서울시립대학교", "University of Seoul", "https://www.uos.ac.kr",
     "서울특별시가 설립한 공립 대학교입니다.",
     "The public university founded by the Seoul Metropolitan Government."),
    ("metta", "metta", "#d4145a", ACADEMIA,
     "metta", "metta", "", "", ""),
    ("krihs", "KRIHS", "#005b96", ACADEMIA,
     "국토연구원", "Korea Research Institute for Human Settlements (KRIHS)",
     "https://www.krihs.re.kr",
     "국토·도시·주거 정책을 연구하는 국책 연구기관입니다.",
     "The national research institute for land, urban and housing policy."),
    ("un-sdg-platform", "UN SDG", "#19486a", INTERNATIONAL,
     "유엔 SDG 온라인 플랫폼", "UN SDG online platform", "https://sdgs.un.org",
     "지속가능발전목표(SDGs)의 이행 사례와 파트너십을 모으는 유엔의 온라인 플랫폼입니다.",
     "The United Nations' online platform for the Sustainable Development Goals and partnerships "
     "that advance them."),
]  # fmt: skip

# Where each has its seat (ISO 3166-1); none for those the demo knows nothing of.
_COUNTRIES = {
    "citynet": "KR", "iclei": "DE", "un-habitat": "KE", "wego": "KR", "world-bank": "US",
    "koica": "KR", "kotra": "KR", "seoul": "KR", "k-developedia": "KR", "metropolis": "ES",
    "world-cities-summit": "SG", "clc": "SG", "icak": "KR", "adb": "PH", "moef": "KR",
    "mofa": "KR", "koreaexim": "KR", "kofia": "KR", "kdi": "KR", "korcham": "KR", "kbiz": "KR",
    "kpa": "KR", "uos": "KR", "krihs": "KR", "un-sdg-platform": "US",
}  # fmt: skip

LOGOS = [
    Picture(
        key=f"logo-{key}",
        title=f"{name_en} logo",
        description=f"{name_en} logo",
        label=label,
        colour=colour,
    )
    for key, label, colour, _kind, _name_ko, name_en, *_ in _PARTNERS
]

PARTNERS = [
    Snippet(
        Partner,
        key,
        {
            "name": L(name_ko, name_en),
            "kind": kind,
            "country": _COUNTRIES.get(key, ""),
            "logo": Ref(Image, f"logo-{key}"),
            "website": website,
            "description": L(description_ko, description_en),
            "sort_order": position,
        },
    )
    for position, (key, _, _, kind, name_ko, name_en, website, description_ko, description_en) in (
        enumerate(_PARTNERS, start=1)
    )
]
