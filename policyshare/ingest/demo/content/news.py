"""The five news articles of June 2020, registered by the portal's editorial account."""

import datetime

from policyshare.news.models import NewsIndexPage, NewsPage
from policyshare.policies.models import PolicyPage, Sector

from ..spec import L, PageItem, Ref, heading, para, registered, text

AUTHOR = "seoulsolution"


def article(key, day, sector, title, summary, body, policies=(), translated=True):
    return PageItem(
        NewsPage,
        key,
        NewsIndexPage,
        {
            "slug": key,
            "title": title,
            "summary": summary,
            "date": day,
            "author": AUTHOR,
            "sector": Ref(Sector, sector),
            "body": body,
            "related_policies": [Ref(PolicyPage, policy) for policy in policies],
            "first_published_at": registered(day),
        },
        translated=translated,
    )


NEWS = [
    article(
        "cac-global-summit-10-million-views",
        datetime.date(2020, 6, 11),
        "governance",
        L(
            "CAC 글로벌 서밋, 유튜브 조회수 1천만 회 넘어",
            "CAC Global Summit Passes 10 Million Views on YouTube",
        ),
        L(
            "서울시가 온라인으로 연 닷새간의 국제회의 영상이 6월 5일까지 1천만 회 넘게 "
            "조회되었습니다.",
            "The recordings of Seoul's five-day online conference had been watched more than "
            "ten million times by 5 June.",
        ),
        [
            text(
                "코로나19 위기를 함께 넘고 대전환기를 준비하려고 서울시가 연 ‘CAC(Cities "
                "Against COVID-19) 글로벌 서밋 2020’이 6월 5일(금) 막을 내렸습니다. 한국어와 "
                "영어로 공개한 영상은 폐막일까지 1천만 회 넘게 조회되었고, 6월 말에는 2천만 "
                "회를 넘을 것으로 보입니다.",
                "The CAC (Cities Against COVID-19) Global Summit 2020, which Seoul organised to "
                "get through the crisis together and prepare for what follows it, closed on "
                "Friday 5 June. Its videos in Korean and English had more than ten million "
                "views by then, and were on course for twenty million by the end of June.",
            ),
            text(
                "가장 큰 관심을 받은 것은 6월 4일(목) 박원순 시장과 재레드 다이아몬드 교수의 "
                "90분 대담으로, 105만 회 넘게 조회되었습니다.",
                "The most popular session was Mayor Park Won-soon's ninety-minute conversation "
                "with Jared Diamond on Thursday 4 June, with more than 1.05 million views.",
            ),
            heading("숫자로 본 서밋", "The summit in figures"),
            text(
                "현장 청중 없이 진행한 서밋은 시장 회의, 기후·환경 등 분야별 세션, 명사 대담, "
                "종합 토론을 합쳐 1,355분(약 23시간) 동안 이어졌습니다. 시장 회의에는 42개 "
                "도시의 시장이 참여했고, 국내 70명과 해외 86명 등 연사 156명이 해법을 "
                "제시했습니다.",
                "With no audience on site, the mayors' meeting, sessions on topics such as "
                "climate and the environment, conversations with public figures and the closing "
                "discussion added up to 1,355 minutes, about 23 hours. Mayors of 42 cities "
                "joined the mayors' meeting, and 156 speakers, 70 from Korea and 86 from "
                "abroad, offered their answers.",
            ),
            text(
                "알자지라, 터키 TRT, 스페인 EFE 통신, 프랑스 르몽드 등 해외 언론 10여 곳이 "
                "박 시장을 인터뷰했습니다. 국제 교류가 막힌 기관과 기업들은 화상회의 운영 "
                "경험을 배우고 싶다며 서울시에 문의하고 있습니다.",
                "Over ten foreign media, including Al Jazeera, Turkey's TRT, Spain's Agencia "
                "EFE and France's Le Monde, interviewed the mayor. Organisations cut off from "
                "international exchange are now asking the city how it ran the conference.",
            ),
        ],
        ["online-international-conference"],
    ),
    article(
        "solar-square-and-solar-road",
        datetime.date(2020, 6, 17),
        "environment-energy",
        L(
            "공원 무대와 한강 자전거길, 햇빛으로 빛나다",
            "A Park Stage and a Riverside Bicycle Lane Now Shine with Solar Power",
        ),
        L(
            "월드컵공원에 ‘태양광 광장’이, 뚝섬한강공원에 ‘태양광 도로’가 생겼습니다.",
            "World Cup Park has a Solar Square and Ttukseom Hangang Park a Solar Road.",
        ),
        [
            text(
                "서울시는 6월 10일, 시민이 즐겨 찾는 월드컵공원과 뚝섬한강공원에 새로운 "
                "태양광 기술을 직접 체험할 수 있는 시설을 만들었다고 밝혔습니다.",
                "On 10 June the city announced two facilities where people can try out new "
                "solar technology, in two of its busiest parks: World Cup Park and Ttukseom "
                "Hangang Park.",
            ),
            heading("태양광 광장", "Solar Square"),
            text(
                "월드컵공원 별자리광장의 지름 20m 원형 무대에는 가장자리에 태양광 패널 "
                "1,171개, 가운데에 LED 보도블록 2,457개가 깔렸습니다. 보도블록형 태양광 패널을 "
                "쓴 것은 국내 처음입니다. 해가 지면 꽃과 별자리 영상이 15분씩 여섯 번 "
                "펼쳐지고, 아이들은 움직이는 그림 위에서 뛰어놉니다. 광장은 축제 같은 시민 "
                "행사에도 쓰일 예정입니다.",
                "The round stage on the Constellation Square of World Cup Park measures 20 m "
                "across, with 1,171 solar panels around the rim and 2,457 LED paving blocks in "
                "the middle: the first paving-block solar panels in Korea. After dark, flowers "
                "and constellations play across it six times, fifteen minutes each, while "
                "children chase the moving pictures. The square will also host festivals and "
                "other citizens' events.",
            ),
            heading("태양광 도로", "Solar Road"),
            text(
                "뚝섬한강공원 수변무대 근처 자전거도로 250m에는 태양광 패널 288개와 LED "
                "보도블록 504개가 설치되어 밤에 자전거를 타는 시민의 시야를 밝힙니다. 서울시는 "
                "발전량과 내구성을 계속 살펴 태양광 도로를 늘리는 데 활용할 계획입니다.",
                "Near the riverside stage in Ttukseom Hangang Park, 288 solar panels and 504 LED "
                "paving blocks light 250 m of bicycle lane for night-time riders. The city will "
                "monitor output and durability before building more solar roads.",
            ),
        ],
        ["solar-square-and-solar-road"],
    ),
    article(
        "start-up-support-post-covid-19",
        datetime.date(2020, 6, 15),
        "economy-startups",
        L(
            "서울시, 포스트 코로나 이끌 성장기업에 1,750억 원 투입",
            "Seoul Commits KRW 175 Billion to the Start-ups That Will Lead after COVID-19",
        ),
        L(
            "기술 인력 인건비, 성장 촉진 패키지, 전용 펀드의 세 갈래로 성장기업을 돕습니다.",
            "Wages for engineers, growth packages and dedicated funds: three ways the city "
            "backs growing start-ups.",
        ),
        [
            text(
                "서울시가 코로나19 이후 도시 경제의 동력이 될 창업기업을 위해 ‘3대 육성 "
                "전략’을 내놓고 1,750억 원을 투입합니다. 전략 분야는 바이오·의료 산업과 핀테크·"
                "드론·로봇 등 비대면 산업이며, 창업 초기를 지난 성장기업이 주된 대상입니다.",
                "Seoul has announced three strategies, and KRW 175 billion, for the start-ups it "
                "expects to drive the city's economy after COVID-19. The focus is on "
                "bio-medicine and contact-free industries such as fintech, drones and robots, "
                "and on companies that are past their first years.",
            ),
            text(
                "첫째, 약 2,000개 기업의 기술 인력 1만 명에게 5개월 동안 월 최대 100만 원의 "
                "인건비를 지원합니다(500억 원). 둘째, 유망 기업 100곳에 1억 원씩 성장 촉진 "
                "패키지를 제공합니다. 셋째, 시 출자 115억 원을 바탕으로 1,150억 원 이상의 전용 "
                "펀드를 만들어 기업당 최대 30억 원을 투자합니다.",
                "First, 10,000 engineers at about 2,000 companies get up to KRW 1 million a "
                "month towards their wages for five months (KRW 50 billion). Second, 100 "
                "promising companies each get a growth package worth KRW 100 million. Third, "
                "KRW 11.5 billion from the city seeds funds of over KRW 115 billion that can "
                "invest up to KRW 3 billion in a company.",
            ),
            text(
                "서울시는 이들 기업이 기업가치 1,000억 원 이상의 예비 유니콘으로 자라 중앙정부 "
                "지원으로 이어지도록 돕겠다고 밝혔습니다.",
                "The city aims to help them grow into “soon-to-be unicorns” worth more than "
                "KRW 100 billion, at which point national support takes over.",
            ),
        ],
        ["start-up-growth-strategies"],
    ),
    article(
        "high-emission-vehicle-enforcement",
        datetime.date(2020, 6, 11),
        "transport",
        L(
            "7월 1일부터 녹색교통지역 5등급 차량 본격 단속",
            "Enforcement against Grade-5 Vehicles in the Green Transportation Zone Starts on "
            "1 July",
        ),
        L(
            "운행제한으로 도심의 5등급 차량 통행과 오염물질 배출이 줄었고, 유예 기간은 6월에 "
            "끝납니다.",
            "The restriction has cut grade-5 traffic and emissions in the city centre; the grace "
            "period ends in June.",
        ),
        [
            text(
                "서울시가 한양도성 녹색교통지역의 5등급 차량 운행제한 효과를 분석한 결과, 전체 "
                "교통량과 5등급 차량 통행이 모두 줄었습니다. 5등급 차량 등록 대수는 전국에서 "
                "20.9% 줄었고 서울에서는 25% 줄었습니다.",
                "An analysis of the grade-5 restriction in the Green Transportation Zone around "
                "Hanyangdoseong shows that overall traffic and grade-5 traffic both fell. "
                "Registrations of grade-5 vehicles dropped by 20.9% nationwide and by 25% in "
                "Seoul.",
            ),
            text(
                "줄어든 통행량을 반영하면 녹색교통지역의 질소산화물 배출은 하루 평균 782kg, "
                "초미세먼지는 하루 39kg 줄어든 것으로 나타났습니다.",
                "Taking the lower traffic into account, emissions in the zone fell by 782 kg of "
                "nitrogen oxides and 39 kg of ultrafine dust a day on average.",
            ),
            heading("유예 종료와 단속", "End of the grace period"),
            text(
                "저공해 조치를 신청한 차량에는 2020년 6월까지 유예를 주었습니다. 4월 기준으로 "
                "전국 신청 차량 432,041대 가운데 145,660대(33.7%), 서울 신청 차량 47,625대 "
                "가운데 21,908대(46.0%)가 조치를 마쳤습니다. 7월 1일부터는 조치를 하지 않은 "
                "차량도 단속하며, 서울시는 혼란이 없도록 미리 널리 알릴 계획입니다.",
                "Vehicles whose owners applied for a low-emission measure were exempt until "
                "June 2020. By April, 145,660 of the 432,041 applicant vehicles nationwide "
                "(33.7%) and 21,908 of the 47,625 in Seoul (46.0%) had completed one. From 1 July "
                "vehicles without a measure will also be fined, and the city will publicise the "
                "change widely beforehand.",
            ),
        ],
        ["green-transportation-zone"],
    ),
    article(
        "citynet-interview-covid-19-response",
        datetime.date(2020, 6, 1),
        "health",
        L(
            "시티넷, 서울시에 코로나19 대응을 묻다",
            "CityNet Interviews Seoul on Its COVID-19 Response",
        ),
        L(
            "시티넷 사무국이 회원 도시들의 코로나19 대응을 돕기 위해 서울시를 인터뷰했습니다.",
            "To help its member cities respond to COVID-19, the CityNet Secretariat interviewed "
            "Seoul.",
        ),
        [
            text(
                "임근형 시티넷 사무국 대표가 조인동 서울시 기획조정실장, 나백주 시민건강국장과 "
                "서울시가 시행한 대책과 그 방법을 이야기했습니다.",
                "Yim Geun-hyeong, CEO of the CityNet Secretariat, talked with Cho In-dong, "
                "deputy mayor for planning and coordination, and Na Baeg-ju, director-general "
                "of the Civil Health Bureau, about what Seoul did and how.",
            ),
            text(
                "박원순 시장은 연대의 메시지를 전했고, 비제이 자가나단 시티넷 사무총장이 "
                "인터뷰의 시작과 끝을 맡았습니다.",
                "Mayor Park Won-soon sent a message of solidarity, and CityNet Secretary "
                "General Dr Vijay Jagannathan opened and closed the interview.",
            ),
        ],
        ["policy-sharing"],
    ),
    # In Korean only, as much of a city's news is: English visitors find it by meaning
    # (cross-lingual search), since no English word of it is in the keyword index.
    article(
        "low-emission-measures-for-grade-5-vehicles",
        datetime.date(2020, 6, 12),
        "transport",
        "5등급 차량 저공해 조치, 매연저감장치 부착이나 조기폐차로",
        "7월 단속을 앞두고 5등급 경유차 소유자가 할 수 있는 저공해 조치와 신청 방법을 "
        "알려 드립니다.",
        [
            ("heading", "어떤 조치가 있나요"),
            (
                "paragraph",
                para(
                    "녹색교통지역 운행제한을 받지 않으려면 5등급 경유차에 매연저감장치(DPF)를 "
                    "달거나 차를 조기폐차하면 됩니다. 두 가지 모두 저공해 조치로 인정되어, "
                    "조치를 마친 차량은 단속 대상에서 빠집니다."
                ),
            ),
            (
                "paragraph",
                para(
                    "신청은 차량이 등록된 자치구에서 받습니다. 서울시는 자치구가 신청을 "
                    "처리하는 데 걸리는 시간을 고려해 최대 7개월의 유예 기간을 두었고, 이 "
                    "기간은 2020년 6월에 끝납니다."
                ),
            ),
            ("heading", "유예 기간이 끝나면"),
            (
                "paragraph",
                para(
                    "신청만 하고 아직 장치를 달거나 폐차하지 않은 차량이 많습니다. 7월 1일부터는 "
                    "조치를 마치지 않은 5등급 차량도 녹색교통지역에 들어오면 단속됩니다. "
                    "서울시는 차주들이 미리 조치를 마칠 수 있도록 안내와 홍보를 늘리겠다고 "
                    "밝혔습니다."
                ),
            ),
        ],
        ["green-transportation-zone"],
        translated=False,
    ),
]
