from django.urls import path, re_path

from . import views

app_name = "api"

urlpatterns = [
    path("openapi.json", views.OpenApiDescription.as_view(), name="openapi"),
    path("v1/items/", views.ItemList.as_view(), name="item-list"),
    path("v1/policies/", views.PolicyList.as_view(), name="policy-list"),
    path("v1/policies/<str:pk>/", views.PolicyDetail.as_view(), name="policy-detail"),
    path("v1/news/", views.NewsList.as_view(), name="news-list"),
    path("v1/news/<str:pk>/", views.NewsDetail.as_view(), name="news-detail"),
    path("v1/publications/", views.PublicationList.as_view(), name="publication-list"),
    path("v1/publications/<str:pk>/", views.PublicationDetail.as_view(), name="publication-detail"),
    path("v1/videos/", views.VideoList.as_view(), name="video-list"),
    path("v1/videos/<str:pk>/", views.VideoDetail.as_view(), name="video-detail"),
    path("v1/partners/", views.PartnerList.as_view(), name="partner-list"),
    path("v1/partners/<str:pk>/", views.PartnerDetail.as_view(), name="partner-detail"),
    # Last: every other path under /api/ gets the API's JSON 404.
    re_path(r"^", views.UnknownPath.as_view()),
]
