"""Cities abroad, the CAC Global Summit 2020 and the Metropolis International Training
Institute. Session times and the training programmes are plausible examples for the demo."""

import datetime

from policyshare.library.models import VideoPage
from policyshare.network.models import (
    CityIndexPage,
    CityPage,
    EventIndexPage,
    EventPage,
    TrainingCentre,
    TrainingIndexPage,
    TrainingInstitutePage,
)

from ..spec import SEOUL, L, PageItem, Ref, bullets, para


def city(key, country, title, region, description):
    return PageItem(
        CityPage,
        key,
        CityIndexPage,
        {
            "slug": key,
            "title": title,
            "country": country,
            "region": region,
            "summary": description,
            "description": L(para(description.ko), para(description.en)),
        },
    )


CITIES = [
    city(
        "cairo",
        "EG",
        L("카이로", "Cairo"),
        L("중동·북아프리카", "Middle East and North Africa"),
        L(
            "이집트의 수도로, 메트로폴리스 국제연수원(MITI)의 지역센터가 있습니다.",
            "The capital of Egypt, home to a regional centre of the Metropolis International "
            "Training Institute (MITI).",
        ),
    ),
    city(
        "mashhad",
        "IR",
        L("마슈하드", "Mashhad"),
        L("서아시아", "Western Asia"),
        L(
            "이란 북동부의 대도시로, MITI 지역센터가 있습니다.",
            "A major city in north-eastern Iran, home to a MITI regional centre.",
        ),
    ),
    city(
        "mexico-city",
        "MX",
        L("멕시코시티", "Mexico City"),
        L("라틴아메리카", "Latin America"),
        L(
            "멕시코의 수도로, MITI 지역센터가 있습니다.",
            "The capital of Mexico, home to a MITI regional centre.",
        ),
    ),
]


def at(day, hour, minute=0):
    return datetime.datetime(2020, 6, day, hour, minute, tzinfo=SEOUL)


EVENTS = [
    PageItem(
        EventPage,
        "cac-global-summit-2020",
        EventIndexPage,
        {
            "slug": "cac-global-summit-2020",
            "title": L("CAC 글로벌 서밋 2020", "CAC Global Summit 2020"),
            "summary": L(
                "코로나19에 맞서는 도시들이 영상으로 모여 위기 이후를 논의한 닷새간의 "
                "온라인 국제회의입니다.",
                "Five days in which cities fighting COVID-19 met by video to discuss the world "
                "after the crisis.",
            ),
            "start_date": datetime.date(2020, 6, 1),
            "end_date": datetime.date(2020, 6, 5),
            "attendance": EventPage.Attendance.ONLINE,
            "location": L("온라인", "Online"),
            "description": L(
                para(
                    "서울시가 주최한 ‘코로나19에 맞서는 도시들(Cities Against COVID-19)’ "
                    "글로벌 서밋은 현장 청중 없이 모든 세션을 영상으로 진행했습니다. 세계 "
                    "도시의 시장과 전문가들이 감염병 대응 경험을 나누고 위기 이후의 도시를 "
                    "함께 그렸습니다."
                ),
                para(
                    "Hosted by Seoul, the Cities Against COVID-19 Global Summit ran every "
                    "session on video, with no audience in the room. Mayors and experts from "
                    "around the world compared how they fought the epidemic and sketched the "
                    "city that should come after it."
                ),
            ),
            "facts": L(
                bullets(
                    "기간: 5일, 총 1,355분(약 23시간)",
                    "시장 회의 참여: 42명",
                    "연사: 156명(국내 70명, 해외 86명)",
                    "영상 조회수: 6월 5일까지 1천만 회 이상",
                ),
                bullets(
                    "Length: 5 days, 1,355 minutes in all (about 23 hours)",
                    "Mayors' meeting: 42 mayors",
                    "Speakers: 156 (70 from Korea, 86 from abroad)",
                    "Video views: more than 10 million by 5 June",
                ),
            ),
        },
        children={
            "sessions": [
                {
                    "title": L("개막과 세계 도시 시장 회의", "Opening and mayors' meeting"),
                    "starts_at": at(1, 10),
                    "description": L(
                        "42개 도시의 시장이 영상으로 모여 각 도시의 대응을 나누었습니다.",
                        "Mayors of 42 cities met by video to compare their responses.",
                    ),
                },
                {
                    "title": L(
                        "분야별 세션: 기후와 환경", "Thematic session: climate and environment"
                    ),
                    "starts_at": at(2, 10),
                    "description": L(
                        "감염병 위기와 기후 위기에 함께 대응하는 도시 정책을 논의했습니다.",
                        "How cities can answer the epidemic and the climate crisis together.",
                    ),
                },
                {
                    "title": L(
                        "대담: 박원순 시장 × 재레드 다이아몬드",
                        "Conversation: Mayor Park Won-soon and Jared Diamond",
                    ),
                    "starts_at": at(4, 10),
                    "duration_minutes": 90,
                    "description": L(
                        "위기 이후 인류와 도시의 방향을 두고 나눈 90분의 대화입니다.",
                        "Ninety minutes on where humanity and its cities go after the crisis.",
                    ),
                    "video": Ref(VideoPage, "park-won-soon-jared-diamond"),
                },
                {
                    "title": L("종합 토론과 폐막", "Closing discussion"),
                    "starts_at": at(5, 15),
                    "description": L(
                        "박원순 시장이 포스트 코로나 시대의 비전을 발표했습니다.",
                        "Mayor Park presented his vision for the post-coronavirus era.",
                    ),
                    "video": Ref(VideoPage, "cac-summit-closing-discussion"),
                },
            ],
            "speakers": [
                {
                    "name": L("박원순", "Park Won-soon"),
                    "role": L("서울특별시장", "Mayor of Seoul"),
                    "organisation": L("서울특별시", "Seoul Metropolitan Government"),
                    "country": "KR",
                },
                {
                    "name": L("재레드 다이아몬드", "Jared Diamond"),
                    "role": L("지리학자·작가", "Geographer and author"),
                    "organisation": L(
                        "캘리포니아대학교 로스앤젤레스(UCLA)",
                        "University of California, Los Angeles",
                    ),
                    "country": "US",
                },
            ],
        },
    )
]


def centre(name, city_name, country, role=TrainingCentre.Role.REGIONAL):
    return {"name": name, "city": city_name, "country": country, "role": role}


TRAINING = [
    PageItem(
        TrainingInstitutePage,
        "metropolis-international-training-institute",
        TrainingIndexPage,
        {
            "slug": "metropolis-international-training-institute",
            "title": L(
                "메트로폴리스 국제연수원(MITI)",
                "Metropolis International Training Institute (MITI)",
            ),
            "summary": L(
                "세계 대도시 협의체 메트로폴리스의 연수 기관으로, 서울에 본부를 두고 네 곳의 "
                "지역센터와 함께 도시 공무원의 역량을 키웁니다.",
                "The training arm of Metropolis, the association of major cities: headquartered "
                "in Seoul, with four regional centres, it builds the skills of city officials.",
            ),
            "mission": L(
                "교육과 연수로 지방정부와 대도시 정부를 이끄는 사람과 조직의 역량을 키워, "
                "도시가 더 잘 운영되도록 돕습니다.",
                "Better-run cities through learning: MITI trains the people, and strengthens "
                "the organisations, that run local and metropolitan governments.",
            ),
            "description": L(
                para(
                    "MITI는 1996년 메트로폴리스의 교육·학습 기관으로 문을 열었습니다. 본부는 "
                    "몬트리올에 있었으나, 2012년 광저우에서 열린 메트로폴리스 이사회의 결정으로 "
                    "서울로 옮겨왔습니다.",
                    "서울에서 새로 출발한 MITI는 카이로, 마슈하드, 멕시코시티, 파리(일드프랑스)의 "
                    "지역센터와 함께 회원 도시와 협력 기관에 연수를 제공하며, 메트로폴리스의 "
                    "다른 활동과 연계해 도시의 지식을 나눕니다.",
                ),
                para(
                    "MITI opened in 1996 as the training and learning centre of Metropolis. Its "
                    "headquarters, first in Montreal, moved to Seoul following a decision of the "
                    "Metropolis Board of Directors at its 2012 meeting in Guangzhou.",
                    "Relaunched in Seoul, MITI works with its regional centres in Cairo, "
                    "Mashhad, Mexico City and Paris (Île-de-France) to train member cities and "
                    "partner institutions, in step with the other activities of Metropolis.",
                ),
            ),
            "founded_year": 1996,
            "website": "https://www.metropolis.org",
        },
        children={
            "centres": [
                centre(
                    L("MITI 본부", "MITI Headquarters"),
                    L("서울", "Seoul"),
                    "KR",
                    TrainingCentre.Role.HEADQUARTERS,
                ),
                centre(
                    L("MITI 카이로 지역센터", "MITI Regional Centre Cairo"),
                    L("카이로", "Cairo"),
                    "EG",
                ),
                centre(
                    L("MITI 마슈하드 지역센터", "MITI Regional Centre Mashhad"),
                    L("마슈하드", "Mashhad"),
                    "IR",
                ),
                centre(
                    L("MITI 멕시코시티 지역센터", "MITI Regional Centre Mexico City"),
                    L("멕시코시티", "Mexico City"),
                    "MX",
                ),
                centre(
                    L(
                        "MITI 파리(일드프랑스) 지역센터",
                        "MITI Regional Centre Paris (Île-de-France)",
                    ),
                    L("파리", "Paris"),
                    "FR",
                ),
            ],
            "programmes": [
                {
                    "title": L("서울 도시정책 연수", "Seoul urban policy course"),
                    "audience": L(
                        "회원 도시의 중견 공무원", "Mid-career officials of member cities"
                    ),
                    "description": L(
                        "교통, 물, 환경 분야의 서울 정책을 강의와 현장 방문으로 배우고, 참가자가 "
                        "자기 도시에 맞는 실행 계획을 세웁니다.",
                        "Lectures and site visits on Seoul's transport, water and environment "
                        "policies, ending with each participant's action plan for their own "
                        "city.",
                    ),
                },
                {
                    "title": L(
                        "대도시 거버넌스 온라인 과정", "Metropolitan governance online course"
                    ),
                    "audience": L(
                        "지방정부 공무원과 연구자", "Local government officials and researchers"
                    ),
                    "description": L(
                        "여러 지방정부에 걸친 대도시권을 함께 계획하고 운영하는 방법을 사례 "
                        "중심으로 다룹니다.",
                        "Case studies on planning and running metropolitan areas that span "
                        "several local governments.",
                    ),
                },
            ],
        },
    )
]
