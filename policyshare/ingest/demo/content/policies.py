"""Model policies with their measured results. Figures come from the city's announcements of
2020; where none were published the texts stay qualitative."""

from decimal import Decimal

from policyshare.network.models import CityPage
from policyshare.policies.models import PolicyExchange, PolicyIndexPage, PolicyPage, Sector

from ..spec import Goals, L, PageItem, Ref, bullets, heading, para, text


def result(indicator_ko, indicator_en, actual, unit_ko, unit_en, source=None, year=2020):
    """One key result; ``actual`` is the plain number, the same in both languages (the page
    shows it as 1,750억 or 175 billion)."""
    return {
        "indicator": L(indicator_ko, indicator_en),
        "actual": Decimal(str(actual)),
        "unit": L(unit_ko, unit_en),
        "year": year,
        "source": source or L("", ""),
    }


def policy(
    key,
    sector,
    title,
    summary,
    background,
    approach,
    department,
    key_results=(),
    exchanges=(),
    **fields,
):
    return PageItem(
        PolicyPage,
        key,
        PolicyIndexPage,
        {
            "slug": key,
            "title": title,
            "summary": summary,
            "sector": Ref(Sector, sector),
            "background": background,
            "approach": approach,
            "department": department,
            **fields,
        },
        children={"key_results": key_results, "exchanges": exchanges},
    )


def demo_exchange(city, kind, year):
    """A city that studied or adopted a policy: invented for the demo, and labelled so."""
    return {
        "city": Ref(CityPage, city),
        "kind": kind,
        "year": year,
        "note": L(
            "데모용 예시 기록이며 실제 교류 사실이 아닙니다.",
            "An example record for the demo, not an actual exchange.",
        ),
    }


_GREEN_ZONE_SOURCE = L(
    "서울특별시, 녹색교통지역 5등급 차량 운행제한 효과 분석(2020)",
    "Seoul Metropolitan Government, analysis of the grade-5 restriction in the Green "
    "Transportation Zone (2020)",
)

GREEN_ZONE = policy(
    "green-transportation-zone",
    "transport",
    L(
        "녹색교통지역 5등급 차량 운행제한",
        "Grade-5 Vehicle Restriction in the Green Transportation Zone",
    ),
    L(
        "한양도성 안쪽을 녹색교통지역으로 정하고 배출가스 5등급 차량의 운행을 제한해 "
        "도심의 교통량과 대기오염물질 배출을 함께 줄였습니다.",
        "Keeping grade-5 vehicles, the most polluting, out of the old walled city cut both "
        "traffic and air pollution in central Seoul.",
    ),
    L(
        para(
            "한양도성 안 도심에는 업무와 관광 수요가 몰려 차량 통행이 많습니다. 특히 오래된 "
            "경유차가 배출하는 질소산화물과 초미세먼지는 도심을 걷고 일하는 시민의 건강을 "
            "위협해 왔습니다.",
            "서울시는 도심 교통을 사람 중심으로 바꾸는 첫걸음으로, 가장 많은 오염물질을 내는 "
            "5등급 차량부터 도심 운행을 줄이기로 했습니다.",
        ),
        para(
            "The historic centre inside the Hanyangdoseong city wall draws offices and visitors, "
            "and with them heavy traffic. Nitrogen oxides and ultrafine dust from old diesel "
            "vehicles put the health of everyone who walks and works there at risk.",
            "As a first step towards a centre built around people rather than cars, the city "
            "chose to start with the vehicles that pollute most: those in emission grade 5.",
        ),
    ),
    [
        heading("운행제한과 유예", "Restriction with a grace period"),
        text(
            "녹색교통지역 안에서는 배출가스 5등급 차량의 운행을 제한합니다. 다만 자치구에 "
            "매연저감장치(DPF) 부착이나 조기폐차 같은 저공해 조치를 신청한 차량에는 조치에 "
            "걸리는 시간을 고려해 2020년 6월까지 최대 7개월의 유예를 주었습니다.",
            "Grade-5 vehicles may not be driven inside the zone. Owners who applied to their "
            "district for a low-emission measure, such as fitting a diesel particulate filter "
            "(DPF) or scrapping the vehicle early, were given up to seven months, until June "
            "2020, to complete it.",
        ),
        heading("본격 단속", "Enforcement"),
        text(
            "유예 기간이 끝난 뒤인 2020년 7월 1일부터는 저공해 조치를 하지 않은 차량도 "
            "단속합니다. 서울시는 혼란을 줄이기 위해 유예 종료 사실을 미리 적극적으로 "
            "알렸습니다.",
            "From 1 July 2020, once the grace period was over, vehicles without a low-emission "
            "measure are also fined. The city announced the end of the grace period widely "
            "beforehand to avoid confusion.",
        ),
    ],
    L("도시교통실", "Urban Transportation Office"),
    goals=Goals((3, 11, 13)),
    featured=True,
    start_year=2019,
    know_how=L(
        para(
            "운행을 막기만 하기보다 저공해 조치라는 대안과 그에 필요한 시간을 함께 제시해야 "
            "차량 소유자의 수용성이 높아집니다. 시행 전후의 교통량과 차량 등록 대수를 꾸준히 "
            "분석하면 정책 효과를 시민에게 설명하기 쉽습니다."
        ),
        para(
            "Owners accept a ban more readily when it comes with an alternative, a low-emission "
            "measure, and the time to carry it out. Tracking traffic counts and vehicle "
            "registrations before and after the start makes the effect easy to explain."
        ),
    ),
    challenges=[
        (
            "challenge",
            {
                "difficulty": L(
                    "노후 차량 소유자가 곧바로 저공해 조치를 하기 어려웠습니다.",
                    "Owners of old vehicles could not fit a filter or replace the vehicle "
                    "overnight.",
                ),
                "response": L(
                    "조치를 신청한 차량에 2020년 6월까지 유예를 주고, 단속 시작 전에 널리 "
                    "안내했습니다.",
                    "Vehicles whose owners had applied for a measure were exempt until June "
                    "2020, and the start of enforcement was publicised well in advance.",
                ),
            },
        )
    ],
    key_results=[
        result(
            "녹색교통지역 질소산화물(NOx) 배출량",
            "NOx emissions in the zone",
            -782,
            "kg/일",
            "kg/day",
            _GREEN_ZONE_SOURCE,
        ),
        result(
            "녹색교통지역 초미세먼지 배출량",
            "Ultrafine dust emissions in the zone",
            -39,
            "kg/일",
            "kg/day",
            _GREEN_ZONE_SOURCE,
        ),
        result(
            "5등급 차량 등록 대수(서울)",
            "Grade-5 vehicle registrations in Seoul",
            -25,
            "%",
            "%",
            _GREEN_ZONE_SOURCE,
        ),
        result(
            "5등급 차량 등록 대수(전국)",
            "Grade-5 vehicle registrations nationwide",
            -20.9,
            "%",
            "%",
            _GREEN_ZONE_SOURCE,
        ),
        result(
            "저공해 조치 완료율(서울, 신청 47,625대 중 21,908대, 2020년 4월 기준)",
            "Low-emission measures completed in Seoul (21,908 of 47,625 applicant vehicles, "
            "April 2020)",
            46.0,
            "%",
            "%",
            _GREEN_ZONE_SOURCE,
        ),
        result(
            "저공해 조치 완료율(전국, 신청 432,041대 중 145,660대, 2020년 4월 기준)",
            "Low-emission measures completed nationwide (145,660 of 432,041 applicant "
            "vehicles, April 2020)",
            33.7,
            "%",
            "%",
            _GREEN_ZONE_SOURCE,
        ),
    ],  # fmt: skip
    exchanges=[demo_exchange("mexico-city", PolicyExchange.Kind.STUDIED, 2020)],
)

SOLAR = policy(
    "solar-square-and-solar-road",
    "environment-energy",
    L("태양광 광장과 태양광 도로", "Solar Square and Solar Road"),
    L(
        "월드컵공원의 원형 무대와 뚝섬한강공원의 자전거도로가 낮에는 햇빛으로 전기를 만들고 "
        "밤에는 빛을 냅니다.",
        "A stage in World Cup Park and a bicycle lane in Ttukseom Hangang Park make solar "
        "power by day and light up at night.",
    ),
    L(
        para(
            "그동안 태양광 설비는 주로 아파트 베란다나 건물 옥상에 설치되어 시민이 가까이에서 "
            "보기 어려웠습니다. 서울시는 재생에너지를 일상에서 직접 경험할 수 있도록 공원과 "
            "자전거길에 태양광을 들여왔습니다."
        ),
        para(
            "Solar panels used to sit on apartment balconies and rooftops, out of sight and out "
            "of reach. To make renewable energy something people meet in daily life, the city "
            "brought it into a park and onto a bicycle lane."
        ),
    ),
    [
        heading("월드컵공원 태양광 광장", "Solar Square, World Cup Park"),
        text(
            "월드컵공원 별자리광장에 지름 20m의 원형 무대를 만들었습니다. 가장자리에 태양광 "
            "패널 1,171개를, 가운데에 LED 보도블록 2,457개를 깔았으며, 보도블록형 태양광 "
            "패널을 국내에서 처음으로 사용했습니다. 낮에 모은 전기로 해가 진 뒤 꽃과 별자리를 "
            "그리는 영상이 여섯 차례(15분 상영, 15분 간격) 연중 펼쳐집니다.",
            "A round stage 20 m across was built on the Constellation Square of World Cup Park. "
            "1,171 solar panels line its edge and 2,457 LED paving blocks fill its centre; it is "
            "the first use of paving-block solar panels in Korea. After sunset the power "
            "gathered by day plays animations of flowers and constellations six times a night, "
            "for 15 minutes every half hour, all year round.",
        ),
        heading("뚝섬한강공원 태양광 도로", "Solar Road, Ttukseom Hangang Park"),
        text(
            "뚝섬한강공원 수변무대 근처 자전거도로 250m 구간에 태양광 패널 288개와 LED "
            "보도블록 504개를 설치해 밤에도 자전거 이용자가 길을 잘 볼 수 있게 했습니다.",
            "Along 250 m of the bicycle lane near the riverside stage in Ttukseom Hangang Park, "
            "288 solar panels and 504 LED paving blocks make the lane easier to see for cyclists "
            "at night.",
        ),
        heading("다음 단계", "Next steps"),
        text(
            "서울시는 발전량과 내구성을 계속 관찰해 태양광 도로 확대의 기초 자료로 씁니다. "
            "보도블록형 패널은 전기차 충전, 스마트 도로 같은 분야에도 쓰일 수 있습니다.",
            "The city keeps measuring output and wear as groundwork for more solar roads. "
            "Paving-block panels could also serve electric-vehicle charging and smart roads.",
        ),
    ],
    L("기후환경본부", "Climate and Environment Headquarters"),
    goals=Goals((7, 11, 13)),
    featured=True,
    start_year=2020,
    key_results=[
        result("태양광 광장 무대 지름", "Diameter of the Solar Square stage", 20, "m", "m"),
        result("태양광 광장 태양광 패널", "Solar panels on Solar Square", 1171, "개", "panels"),
        result(
            "태양광 광장 LED 보도블록", "LED paving blocks on Solar Square", 2457, "개", "blocks"
        ),
        result("태양광 도로 길이", "Length of the Solar Road", 250, "m", "m"),
        result("태양광 도로 태양광 패널", "Solar panels on the Solar Road", 288, "개", "panels"),
        result(
            "태양광 도로 LED 보도블록", "LED paving blocks on the Solar Road", 504, "개", "blocks"
        ),
    ],  # fmt: skip
)

STARTUPS = policy(
    "start-up-growth-strategies",
    "economy-startups",
    L(
        "포스트 코로나 성장기업 3대 육성 전략",
        "Three Strategies for Growing Start-ups after COVID-19",
    ),
    L(
        "서울시는 1,750억 원을 투입해 창업 초기를 지난 성장기업이 코로나19 위기를 견디고 "
        "바이오·의료와 비대면 산업의 새 시장을 차지하도록 돕습니다.",
        "KRW 175 billion to help start-ups past their first years survive COVID-19 and win "
        "new markets in bio-medicine and contact-free services.",
    ),
    L(
        para(
            "코로나19로 투자가 움츠러들면서 기술력 있는 창업기업도 자금난에 빠질 위험이 "
            "커졌습니다. 당시 세계 창업기업의 74%가 인력을 줄이고 있었습니다. 서울시는 "
            "창업기업을 위기 이후 도시 경제를 이끌 동력으로 보고, 바이오·의료와 핀테크·드론·"
            "로봇 같은 비대면 산업을 전략 분야로 정했습니다."
        ),
        para(
            "As investment dried up during COVID-19, even start-ups with strong technology risked "
            "running out of money; 74 percent of start-ups worldwide were cutting staff at the "
            "time. Seeing start-ups as the engine of the city's economy after the crisis, Seoul "
            "chose bio-medicine and contact-free industries such as fintech, drones and robots "
            "as its strategic fields."
        ),
    ),
    [
        heading("① 기술 인력 인건비 지원(500억 원)", "1. Wages for engineers (KRW 50 billion)"),
        text(
            "유망 창업기업 약 2,000곳의 기술 인력 1만 명에게 5개월 동안 월 최대 100만 원의 "
            "인건비를 지원합니다. 기업 규모에 따라 3~7명까지 지원하며, 서울산업진흥원(SBA)에 "
            "전담 창구를 둡니다.",
            "The city pays part of the wages of 10,000 engineers at about 2,000 promising "
            "start-ups: up to KRW 1 million a month for five months, for three to seven people "
            "per company depending on its size, through a dedicated desk at the Seoul Business "
            "Agency (SBA).",
        ),
        heading("② 성장 촉진 패키지(100억 원)", "2. Growth packages (KRW 10 billion)"),
        text(
            "유망 창업기업 100곳에 1억 원씩 맞춤형 패키지를 제공합니다.",
            "100 promising start-ups each receive a tailored package worth KRW 100 million:",
        ),
        text(
            bullets(
                "사업 고도화: 대학·대기업과의 기술 개발, 사업화와 양산",
                "시장 개척: 홍보와 유통, 해외 온라인 쇼핑몰 입점",
                "기술 확보: 특허 출원과 등록, 해외 투자 설명회 참가",
            ),
            bullets(
                "business development: joint R&D with universities and large firms, "
                "commercialisation and mass production",
                "market development: promotion, distribution and overseas online marketplaces",
                "technology: patent applications, overseas investor relations events",
            ),
        ),
        heading("③ 성장기업 전용 펀드(1,150억 원 이상)", "3. Dedicated funds (KRW 115 billion+)"),
        text(
            "서울시가 115억 원을 출자하고 민간 금융기관의 투자를 더해 1,150억 원 이상의 "
            "펀드를 만들고, 기업당 최대 30억 원까지 투자합니다.",
            "With KRW 11.5 billion from the city and more from private financial institutions, "
            "new funds of over KRW 115 billion invest up to KRW 3 billion in each growing "
            "start-up.",
        ),
    ],
    L("경제정책실", "Economic Policy Office"),
    goals=Goals((8, 9)),
    featured=True,
    start_year=2020,
    know_how=L(
        para(
            "지원 대상을 창업 초기 기업이 아닌 ‘성장 단계’ 기업으로 좁히고, 기업가치 1,000억 "
            "원 이상의 예비 유니콘으로 자라면 중앙정부 지원과 이어지도록 설계했습니다."
        ),
        para(
            "Support targets companies past their first stage rather than new founders, and is "
            "designed to hand them on to the national government's programmes once they become "
            "“soon-to-be unicorns” worth over KRW 100 billion."
        ),
    ),
    cost_and_financing=L(
        para(
            "총 1,750억 원: 인건비 500억 원, 성장 촉진 패키지 100억 원, 전용 펀드 1,150억 원 "
            "이상(서울시 출자 115억 원 = 서울산업진흥원 투자펀드 15억 원 + 혁신창업펀드 "
            "100억 원, 나머지는 민간 투자)."
        ),
        para(
            "KRW 175 billion in all: KRW 50 billion for wages, KRW 10 billion for growth "
            "packages and over KRW 115 billion of funds (of which the city puts in KRW 11.5 "
            "billion: KRW 1.5 billion from SBA investment funds and KRW 10 billion from "
            "innovative entrepreneurship funds; private investors provide the rest)."
        ),
    ),
    key_results=[
        result("총 투입 규모(계획)", "Total commitment (planned)", 175_000_000_000, "원", "KRW"),
        result(
            "성장 촉진 패키지 지원 기업(계획)",
            "Start-ups receiving a growth package (planned)",
            100,
            "곳",
            "start-ups",
        ),
        result(
            "기업당 성장 촉진 패키지",
            "Growth package per start-up",
            100_000_000,
            "원",
            "KRW",
        ),
        result(
            "인건비 지원 기술 인력(계획)",
            "Engineers with wage support (planned)",
            10000,
            "명",
            "engineers",
        ),
        result("인건비 지원 예산", "Budget for wage support", 50_000_000_000, "원", "KRW"),
        result(
            "인건비 지원 대상 창업기업(약)",
            "Start-ups employing them (about)",
            2000,
            "곳",
            "start-ups",
        ),
        result(
            "성장기업 전용 펀드 규모(이상)",
            "New funds for growing start-ups (at least)",
            115_000_000_000,
            "원",
            "KRW",
        ),
        result(
            "펀드 중 서울시 출자액",
            "City's contribution to the funds",
            11_500_000_000,
            "원",
            "KRW",
        ),
    ],  # fmt: skip
)

CAC_SUMMIT = policy(
    "online-international-conference",
    "governance",
    L(
        "온라인 국제회의: CAC 글로벌 서밋 2020",
        "Holding an International Conference Online: CAC Global Summit 2020",
    ),
    L(
        "나라 사이의 이동이 멈춘 2020년, 서울시는 현장 청중 없이 영상으로만 닷새 동안 "
        "국제회의를 열어 1천만 회가 넘는 조회수를 기록했습니다.",
        "With travel halted in 2020, Seoul held a five-day international conference by video "
        "only, and drew more than ten million views.",
    ),
    L(
        para(
            "코로나19로 국경을 넘는 이동이 끊기자 도시 간 교류와 국제회의도 멈췄습니다. "
            "서울시는 감염병 대응 경험을 나누고 위기 이후의 대전환을 함께 준비하기 위해 "
            "‘코로나19에 맞서는 도시들(Cities Against COVID-19, CAC)’ 글로벌 서밋을 온라인으로 "
            "열었습니다."
        ),
        para(
            "With borders closed by COVID-19, exchanges between cities and international "
            "meetings came to a halt. To share what it had learnt from fighting the epidemic "
            "and to prepare together for the changes that would follow, Seoul moved its "
            "Cities Against COVID-19 (CAC) Global Summit online."
        ),
    ),
    [
        heading("프로그램", "Programme"),
        text(
            "세계 도시 시장 회의, 기후·환경 등 분야별 세션, 석학과의 대담, 종합 토론으로 "
            "구성했고 모든 영상을 한국어와 영어로 공개했습니다. 6월 4일에는 박원순 시장과 "
            "재레드 다이아몬드 교수가 90분 동안 대담했고, 6월 5일 종합 토론에서 박 시장이 "
            "포스트 코로나 시대의 비전을 발표하며 막을 내렸습니다.",
            "A meeting of mayors, sessions on fields such as climate and the environment, "
            "conversations with leading thinkers and a closing discussion made up the "
            "programme, all published in Korean and English. On 4 June Mayor Park Won-soon "
            "spoke with Jared Diamond for 90 minutes; on 5 June the mayor closed the summit by "
            "presenting his vision for the post-coronavirus era.",
        ),
        heading("국제적 관심", "International attention"),
        text(
            "알자지라, 터키 TRT, 스페인 EFE 통신, 프랑스 르몽드 등 10곳이 넘는 해외 언론이 "
            "서밋을 취재하고 박 시장을 인터뷰했습니다.",
            "More than ten foreign media, among them Al Jazeera, Turkey's TRT, Spain's Agencia "
            "EFE and France's Le Monde, covered the summit and interviewed the mayor.",
        ),
    ],
    L("국제협력과", "International Relations Division"),
    goals=Goals((3, 11, 17)),
    featured=True,
    start_year=2020,
    end_year=2020,
    know_how=L(
        para(
            "국제 교류가 막힌 공공기관과 기업들이 화상회의 운영 경험을 배우려고 서울시에 "
            "문의를 보내고 있습니다. 현장 청중 없이도 영상을 두 언어로 나누어 공개하면 회의 "
            "뒤에도 오랫동안 시청자를 모을 수 있습니다."
        ),
        para(
            "Public bodies and companies whose international exchanges were blocked have been "
            "asking the city how it ran the video conference. Even without an audience in the "
            "room, recordings published in two languages keep drawing viewers long after the "
            "event."
        ),
    ),
    key_results=[
        result("회의 기간", "Length of the summit", 5, "일", "days"),
        result(
            "전체 프로그램 시간(약 23시간)",
            "Total programme (about 23 hours)",
            1355,
            "분",
            "minutes",
        ),
        result("시장 회의 참여 시장", "Mayors at the mayors' meeting", 42, "명", "mayors"),
        result(
            "연사(국내 70명, 해외 86명)",
            "Speakers (70 from Korea, 86 from abroad)",
            156,
            "명",
            "speakers",
        ),
        result(
            "영상 누적 조회수(6월 5일 기준, 이상)",
            "Video views by 5 June (more than)",
            10_000_000,
            "회",
            "views",
        ),
        result(
            "박원순 시장·재레드 다이아몬드 대담 조회수(이상)",
            "Views of the Park–Diamond conversation (more than)",
            1_050_000,
            "회",
            "views",
        ),
    ],  # fmt: skip
)

ARISU = policy(
    "arisu-tap-water",
    "water",
    L("서울 수돗물 아리수", "Arisu, Seoul's Tap Water"),
    L(
        "서울시는 수돗물에 ‘아리수’라는 이름을 붙이고 취수부터 가정의 수도꼭지까지 관리해 "
        "시민이 안심하고 마실 수 있는 물을 공급합니다.",
        "Seoul gave its tap water a name, Arisu, and manages it from the river intake to the "
        "household tap so that citizens can drink it with confidence.",
    ),
    L(
        para(
            "수돗물이 깨끗하게 생산되어도 시민들이 믿지 못하면 생수를 사거나 정수기를 "
            "쓰게 되고, 그만큼 비용과 플라스틱 쓰레기가 늘어납니다. 수돗물의 품질을 높이는 "
            "일과 시민의 신뢰를 얻는 일을 함께 해야 했습니다."
        ),
        para(
            "Even when tap water leaves the plant clean, people who do not trust it buy bottled "
            "water or filters, at a cost to them and with more plastic waste. Raising quality "
            "and earning trust had to go together."
        ),
    ),
    [
        heading("깨끗한 물을 만들고 지키기", "Making clean water and keeping it clean"),
        text(
            "정수센터의 정수 공정을 고도화하고, 오래된 수도관을 교체하며, 수질을 정기적으로 "
            "검사해 그 결과를 공개합니다.",
            "The city upgrades treatment at its purification centres, replaces old pipes, and "
            "tests water quality regularly and publishes the results.",
        ),
        heading("신뢰를 얻기", "Earning trust"),
        text(
            "수돗물에 고유한 이름을 붙여 알리고, 가정을 찾아가 수질을 검사해 주며, 시민이 "
            "직접 수돗물을 마셔 보는 기회를 늘렸습니다.",
            "A brand name, home visits to test water at the tap and more chances for citizens "
            "to taste it themselves help people see tap water differently.",
        ),
    ],
    L("상수도사업본부", "Office of Waterworks"),
    goals=Goals((6, 11)),
    exchanges=[demo_exchange("cairo", PolicyExchange.Kind.STUDIED, 2019)],
)

PUBLIC_TRANSPORT = policy(
    "public-transportation",
    "transport",
    L("서울 대중교통 체계", "Seoul's Public Transportation System"),
    L(
        "버스와 지하철을 하나의 망으로 묶어 노선, 요금, 정보를 통합하고 버스가 막히지 않고 "
        "달릴 수 있는 길을 만들었습니다.",
        "Seoul runs its buses and subway as one network, with joined-up routes, fares and "
        "information, and gives buses lanes of their own.",
    ),
    L(
        para(
            "버스 노선이 업체별로 따로 운영되고 도로가 막히면서 대중교통은 느리고 불편했고, "
            "시민들은 승용차를 더 많이 이용했습니다."
        ),
        para(
            "When each bus company ran its own routes and buses sat in the same traffic as "
            "cars, public transport was slow and inconvenient, and people drove instead."
        ),
    ),
    [
        heading("하나의 망, 하나의 요금", "One network, one fare"),
        text(
            "2004년 대중교통 개편으로 버스 노선을 간선과 지선으로 재편하고, 서울시가 노선과 "
            "운행을 관리하는 준공영제를 도입했습니다. 교통카드 하나로 버스와 지하철을 갈아타도 "
            "이동 거리만큼 요금을 내는 통합 요금제를 시행했습니다.",
            "The 2004 reform reorganised bus routes into trunk and feeder lines under a "
            "semi-public system in which the city plans routes and service. One transport card "
            "pays for buses and subway alike, with a single distance-based fare across "
            "transfers.",
        ),
        heading("버스가 먼저 달리는 길", "Roads where buses come first"),
        text(
            "도로 가운데에 버스전용차로를 만들고, 정류장에서 도착 정보를 실시간으로 알려 "
            "버스를 빠르고 예측 가능하게 만들었습니다.",
            "Median bus lanes and real-time arrival information at stops make buses fast and "
            "predictable.",
        ),
    ],
    L("도시교통실", "Urban Transportation Office"),
    goals=Goals((9, 11)),
    start_year=2004,
)

SHARING_CITY = policy(
    "sharing-city-seoul",
    "governance",
    L("공유도시 서울", "Sharing City Seoul"),
    L(
        "남는 공간과 물건, 시간과 재능을 이웃과 나누는 일을 시가 제도와 기반으로 뒷받침해 "
        "자원 낭비를 줄이고 공동체를 되살립니다.",
        "The city supports people in sharing spare space, goods, time and skills with their "
        "neighbours, to waste less and bring communities back to life.",
    ),
    L(
        para(
            "시민이 행정에 기대하는 서비스는 늘어나는데 새 시설을 지을 땅과 예산은 "
            "부족합니다. 한편 집집마다 거의 쓰지 않는 물건이 쌓여 있고, 공공건물은 저녁과 "
            "주말이면 비어 있습니다."
        ),
        para(
            "Citizens expect more services while land and money for new facilities are scarce. "
            "Meanwhile homes fill up with things that are rarely used, and public buildings "
            "stand empty in the evenings and at weekends."
        ),
    ),
    [
        heading("시가 하는 일", "What the city does"),
        text(
            bullets(
                "쓰지 않는 시간대의 공공시설을 시민에게 개방합니다.",
                "공구·생활용품 대여처럼 물건을 함께 쓰는 서비스를 늘립니다.",
                "공유 활동을 하는 단체와 기업을 지정해 알리고 지원합니다.",
                "공유를 가로막는 규정을 찾아 고칩니다.",
            ),
            bullets(
                "opens public buildings to citizens when they stand empty;",
                "expands services for sharing goods, such as lending tools and household items;",
                "recognises, promotes and supports organisations and companies that share;",
                "finds and changes rules that stand in the way of sharing.",
            ),
        ),
    ],
    L("서울혁신기획관", "Seoul Innovation Bureau"),
    goals=Goals((11, 12)),
    start_year=2012,
)

POLICY_SHARING = policy(
    "policy-sharing",
    "governance",
    L("서울시 정책 공유", "Sharing Seoul's Policies with Other Cities"),
    L(
        "서울시는 직접 시행하고 성과를 확인한 정책을 정리해 해외 도시와 나누고, 연수와 "
        "자문으로 다른 도시가 자기 여건에 맞게 적용하도록 돕습니다.",
        "Seoul documents policies it has tried and measured, shares them with cities abroad, "
        "and helps those cities adapt them through training and advice.",
    ),
    L(
        para(
            "빠르게 성장하는 도시들은 서울이 겪은 교통, 물, 환경 문제를 지금 겪고 있습니다. "
            "서울의 시행착오와 해법을 정리해 나누면 다른 도시가 같은 실수를 피할 수 있습니다."
        ),
        para(
            "Fast-growing cities face today the traffic, water and pollution problems Seoul "
            "faced before. Sharing Seoul's solutions, and its mistakes, spares them the same "
            "detours."
        ),
    ),
    [
        heading("나누는 방법", "How Seoul shares"),
        text(
            bullets(
                "정책 사례, 보고서, 영상을 한국어와 영어로 공개합니다.",
                "해외 도시 공무원을 위한 연수를 엽니다.",
                "도시와 국제기구의 요청에 따라 자문합니다.",
                "시티넷, 메트로폴리스, 세계은행 등 협력 기관과 함께 일합니다.",
            ),
            bullets(
                "publishes case studies, reports and videos in Korean and English;",
                "trains officials from cities abroad;",
                "advises cities and international bodies on request;",
                "works with partners such as CITYNET, Metropolis and the World Bank.",
            ),
        ),
    ],
    L("국제협력과", "International Relations Division"),
    goals=Goals((17,)),
)

POLICIES = [
    GREEN_ZONE,
    SOLAR,
    STARTUPS,
    CAC_SUMMIT,
    ARISU,
    PUBLIC_TRANSPORT,
    SHARING_CITY,
    POLICY_SHARING,
]
