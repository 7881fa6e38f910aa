from django.urls import path

from . import views

app_name = "inquiries"

urlpatterns = [
    path("new/", views.new_inquiry, name="new"),
    path("sent/", views.inquiry_sent, name="sent"),
    path("privacy/", views.privacy_notice, name="privacy"),
]
