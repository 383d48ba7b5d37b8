# كلمات واجهة tradui بالعربية.
site-title = منشورات
not-translated = لم تُترجم بعد
notice = بعض الأجزاء لم تُترجم بعد وتظهر باللغة الأصلية.
pdf-for-printing = ملف PDF للطباعة
all-leaflets = كل المنشورات
languages = اللغات
not-published = غير منشور
fact-date = التاريخ
fact-time = الوقت
fact-place = المكان
fact-phone = الهاتف
event-over = انتهى هذا الحدث.
poster = ملصق للحائط
two-up = نسختان في الورقة
