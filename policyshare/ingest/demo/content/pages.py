"""The home page's introduction, the section index pages and the Sharing City page."""

from policyshare.core.models import HomePage, StandardPage
from policyshare.library.models import PublicationIndexPage, VideoIndexPage
from policyshare.network.models import (
    CityIndexPage,
    EventIndexPage,
    PartnerIndexPage,
    TrainingIndexPage,
    TrainingInstitutePage,
)
from policyshare.news.models import NewsIndexPage
from policyshare.policies.models import PolicyIndexPage

from ..spec import L, PageItem, Ref, heading, para, text

_INDEXES = [
    (PolicyIndexPage, "policies", "정책", "Policies",
     "서울시가 시행하고 성과를 확인한 정책을 분야별로 찾아보세요.",
     "Policies Seoul has put into practice and measured, by sector."),
    (NewsIndexPage, "news", "소식", "News",
     "서울의 정책과 국제 협력에 관한 새 소식입니다.",
     "What is new in Seoul's policies and international cooperation."),
    (PublicationIndexPage, "publications", "발간자료", "Publications",
     "브로슈어와 보고서를 PDF로 내려받을 수 있습니다.",
     "Brochures and reports to download as PDF files."),
    (VideoIndexPage, "videos", "영상", "Videos",
     "회의와 인터뷰 영상을 모았습니다.",
     "Recordings of conferences and interviews."),
    (EventIndexPage, "events", "행사", "Events",
     "서울시가 열거나 참여한 국제 행사입니다.",
     "International events Seoul has hosted or joined."),
    (CityIndexPage, "cities", "해외 도시", "Cities",
     "서울과 지식을 나누는 해외 도시들입니다.",
     "Cities abroad that exchange know-how with Seoul."),
    (PartnerIndexPage, "partners", "협력 기관", "Partners",
     "정책 공유를 함께하는 국제기구, 정부 기관, 연구 기관입니다.",
     "International bodies, agencies and research institutes Seoul shares policies with."),
    (TrainingIndexPage, "training", "연수", "Training",
     "도시 공무원을 위한 연수 기관과 과정입니다.",
     "Training institutes and courses for city officials."),
]  # fmt: skip

INDEX_PAGES = [
    PageItem(
        model,
        slug,
        HomePage,
        {
            "slug": slug,
            "title": L(title_ko, title_en),
            "intro": L(para(intro_ko), para(intro_en)),
            "show_in_menus": True,
        },
    )
    for model, slug, title_ko, title_en, intro_ko, intro_en in _INDEXES
]

SHARING_CITY = PageItem(
    StandardPage,
    "sharing-city",
    HomePage,
    {
        "slug": "sharing-city",
        "title": L("공유도시 서울", "Sharing City Seoul"),
        "summary": L(
            "공유도시란 무엇이고, 서울은 왜 공유도시를 만들어 가는지 소개합니다.",
            "What a sharing city is, and why Seoul is becoming one.",
        ),
        "show_in_menus": True,
        "body": [
            heading("공유도시란", "What is a sharing city?"),
            text(
                "공유도시는 시민이 저마다 가진 물건과 공간, 시간과 재능, 정보를 이웃과 나누어 "
                "쓰는 일이 자연스러운 도시입니다. 서랍 속에 잠든 공구, 저녁이면 비는 회의실, "
                "누군가에게 꼭 필요한 기술이 다시 쓰이면 새로 만들고 사는 데 드는 자원이 "
                "줄어듭니다.",
                "A sharing city is one where people routinely share what they have with their "
                "neighbours: things and rooms, time and skills, information. When the drill in "
                "the drawer, the meeting room that stands empty every evening or a skill "
                "someone else needs finds a new use, less has to be made and bought.",
            ),
            text(
                "나눔은 동네에서 돈이 돌게 하고, 이웃을 서로 알게 하며, 버려지는 것을 줄여 "
                "환경을 지킵니다.",
                "Sharing keeps money circulating in the neighbourhood, introduces neighbours "
                "to each other and protects the environment by throwing less away.",
            ),
            heading("서울이 공유도시를 만드는 이유", "Why Seoul is becoming a sharing city"),
            text(
                "시민이 시에 바라는 복지와 일자리, 깨끗한 환경은 해마다 늘어나지만 예산은 "
                "그만큼 늘지 않습니다. 수십 년 만에 커진 도시에서 이웃끼리 알고 지내는 일은 "
                "드물어졌고, 쉽게 사고 쉽게 버리는 습관은 자원을 낭비하고 환경을 해칩니다.",
                "Each year citizens expect more of the city in welfare, jobs and a clean "
                "environment, while its budget grows more slowly. In a city that grew within a "
                "few decades, neighbours rarely know each other, and the habit of buying and "
                "discarding easily wastes resources and harms the environment.",
            ),
            text(
                "서울시는 새 시설을 짓고 예산을 늘리는 것만으로는 이런 문제를 다 풀 수 없다고 "
                "보았습니다. 이미 있는 자원을 더 많은 사람이 쓰게 하면 적은 비용으로 시민의 "
                "필요를 채울 수 있고, 나누는 과정에서 이웃 사이의 관계도 되살아납니다.",
                "The city concluded that new buildings and bigger budgets alone cannot meet "
                "these needs. Letting more people use what already exists serves citizens at "
                "lower cost, and sharing rebuilds the ties between neighbours along the way.",
            ),
        ],
    },
)

HOME = {
    "intro_title": L(
        "서울의 도시 정책을 세계와 나눕니다", "Seoul shares its urban policies with the world"
    ),
    "intro": L(
        "교통, 환경, 물, 경제 등 서울이 직접 시행하고 성과를 확인한 정책을 소개합니다. 다른 "
        "도시의 공무원과 연구자, 시민 누구나 정책을 살펴보고 자료를 내려받고 서울시에 "
        "문의할 수 있습니다.",
        "Transport, environment, water, the economy: here are the policies Seoul has put into "
        "practice and measured. Officials, researchers and citizens of any city can browse "
        "them, download the material and ask the city for help.",
    ),
    "promos": [
        (
            "promo",
            {
                "heading": L(
                    "메트로폴리스 국제연수원", "Metropolis International Training Institute"
                ),
                "text": L(
                    "서울에 본부를 둔 MITI는 네 곳의 지역센터와 함께 세계 도시 공무원의 역량을 "
                    "키웁니다.",
                    "Headquartered in Seoul, MITI and its four regional centres train city "
                    "officials from around the world.",
                ),
                "page": Ref(TrainingInstitutePage, "metropolis-international-training-institute"),
            },
        ),
        (
            "promo",
            {
                "heading": L("공유도시 서울", "Sharing City Seoul"),
                "text": L(
                    "물건과 공간, 시간과 재능을 나누어 도시의 문제를 푸는 서울의 방법을 "
                    "소개합니다.",
                    "How Seoul tackles urban problems by sharing things, space, time and skills.",
                ),
                "page": Ref(StandardPage, "sharing-city"),
            },
        ),
    ],
}
