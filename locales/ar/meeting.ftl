# en: Membership meeting
title = اجتماع الأعضاء

# en: Come to the membership meeting
meeting = احضر اجتماع الأعضاء

# en: Every worker at JFK8 is welcome at the { -union-name } membership meeting on { $date } at { $place }. We meet three times that day so that every shift can come.
meeting-p1 = كل عامل في JFK8 مدعو إلى اجتماع أعضاء { -union-name } في { $date } في { $place }. نجتمع ثلاث مرات في ذلك اليوم حتى تتمكن كل الورديات من الحضور.

# en: Shift
meeting-table1-r1-c1 = الوردية

# en: Meeting time
meeting-table1-r1-c2 = موعد الاجتماع

# en: Room
meeting-table1-r1-c3 = القاعة

# en: Night shift
meeting-table1-r2-c1 = الوردية الليلية

# en: 8:00 AM
meeting-table1-r2-c2 = 8:00 صباحًا

# en: Room A
meeting-table1-r2-c3 = القاعة A

# en: Day shift
meeting-table1-r3-c1 = الوردية النهارية

# en: 6:30 PM
meeting-table1-r3-c2 = 6:30 مساءً

# en: Room A
meeting-table1-r3-c3 = القاعة A

# en: Weekend shift
meeting-table1-r4-c1 = وردية عطلة نهاية الأسبوع

# en: 12:00 PM
meeting-table1-r4-c2 = 12:00 ظهرًا

# en: Room B
meeting-table1-r4-c3 = القاعة B

# en: Agenda
agenda = جدول الأعمال

# en: Report on the heat walkout and what management has promised.
agenda-li1 = تقرير عن الإضراب بسبب الحر وما وعدت به الإدارة.

# en: Elect two new stewards for the outbound docks.
agenda-li2 = انتخاب مندوبَين جديدَين لأرصفة الشحن الصادر.

# en: Vote on our demands for the next negotiating session.
agenda-li3 = التصويت على مطالبنا للجلسة التفاوضية القادمة.

# en: Childcare and food are provided. Interpreters for Spanish, Haitian Creole, Arabic and French will be there.
agenda-p1 = تتوفر رعاية الأطفال والطعام. وسيحضر مترجمون للإسبانية والكريولية الهايتية والعربية والفرنسية.

# en: Cannot come? Call { $phone } to give your vote to a coworker.
agenda-p2 = لا تستطيع الحضور؟ اتصل على الرقم { $phone } لتمنح صوتك لزميل.
