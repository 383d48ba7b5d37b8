# en: We walk out at midnight
title = نترك العمل عند منتصف الليل

# en: We walk out together
walkout = نخرج معًا

# en: On { $date } at { $time } (midnight), the night shift at JFK8 stops work and walks out **together**. Day shift: meet us at the bus stop at { $place } before your shift.
walkout-p1 = في { $date } عند الساعة { $time } (منتصف الليل)، يتوقف عمال الوردية الليلية في JFK8 عن العمل ويخرجون **معًا**. عمال الوردية النهارية: قابلونا عند موقف الحافلات في { $place } قبل بدء ورديتكم.

# en: We are walking out because three coworkers collapsed from heat on the packing line this month, and management still refuses to fix the ventilation.
walkout-p2 = نخرج لأن ثلاثة من زملائنا سقطوا من شدة الحر على خط التعبئة هذا الشهر، وما زالت الإدارة ترفض إصلاح التهوية.

# en: What we demand
demands = مطالبنا

# en: Working fans and ventilation on every packing line, before the next heat wave.
demands-li1 = مراوح وتهوية تعمل على كل خط تعبئة، قبل موجة الحر القادمة.

# en: Paid water breaks of ten minutes every two hours.
demands-li2 = استراحات مدفوعة الأجر لشرب الماء مدتها عشر دقائق كل ساعتين.

# en: No discipline for anyone who joins the walkout.
demands-li3 = لا عقوبة لأي شخص يشارك في الإضراب.

# en: How to join
join = كيف تنضم إلينا

# en: Clock out at { $time } and walk to the bus stop at { $place } with your coworkers.
join-li1 = سجّل خروجك عند الساعة { $time } وامشِ إلى موقف الحافلات في { $place } مع زملائك.

# en: Stay with the group. Do not argue with managers or security.
join-li2 = ابقَ مع المجموعة. لا تتجادل مع المديرين أو مع الأمن.

# en: If a manager tries to stop you, say: *"I am taking part in a protected walkout."*
join-li3 = إذا حاول أحد المديرين منعك، قل: *"أنا أشارك في إضراب يحميه القانون."*

# en: I have worked here four years. I am not walking out against my job; I am walking out for my health and yours.
join-q1 = أعمل هنا منذ أربع سنوات. لا أخرج ضد عملي؛ أخرج من أجل صحتي وصحتك.

# en: Questions or trouble? Call or text { -union-name } at { $phone }, any hour. Learn more about your right to strike at [the National Labor Relations Board](https://www.nlrb.gov/about-nlrb/rights-we-protect/the-law/the-right-to-strike).
join-p1 = أسئلة أو مشكلة؟ اتصل أو أرسل رسالة إلى { -union-name } على الرقم { $phone }، في أي ساعة. اعرف المزيد عن حقك في الإضراب لدى [المجلس الوطني لعلاقات العمل](https://www.nlrb.gov/about-nlrb/rights-we-protect/the-law/the-right-to-strike).
