# en: Union meeting this week
title = اجتماع النقابة هذا الأسبوع

# en: Come to the meeting
meeting = تعال إلى الاجتماع

# en: All workers are welcome at the { -union-name } meeting on { $date } at { $time }.
meeting-p1 = جميع العمال مدعوون إلى اجتماع { -union-name } يوم { $date } في الساعة { $time }.

# en: Where: { $place }
meeting-li1 = المكان: { $place }

# en: Bring a coworker.
meeting-li2 = أحضر زميلًا من العمل.

# en: Why it matters
why = لماذا هذا مهم

# en: When we speak *together*, management listens.
why-p1 = عندما نتحدث *معًا*، تستمع الإدارة.
