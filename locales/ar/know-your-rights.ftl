# en: Know your rights at work
title = اعرف حقوقك في العمل

# en: Your rights under the law
rights = حقوقك بموجب القانون

# en: The National Labor Relations Act protects you when you act together with coworkers to improve your job, whether or not you are a union member.
rights-p1 = يحميك قانون علاقات العمل الوطني عندما تعمل مع زملائك لتحسين ظروف عملك، سواء كنت عضوًا في النقابة أم لا.

# en: You may talk about the union with coworkers during breaks and meal times.
rights-li1 = يحق لك التحدث عن النقابة مع زملائك أثناء الاستراحات وأوقات الوجبات.

# en: You may wear a union pin, button or shirt at work.
rights-li2 = يحق لك ارتداء دبوس أو شارة أو قميص النقابة في العمل.

# en: You may hand out union leaflets in break rooms and parking lots, off the clock.
rights-li3 = يحق لك توزيع منشورات النقابة في غرف الاستراحة ومواقف السيارات، خارج ساعات عملك.

# en: You may discuss your pay, your schedule and your safety with coworkers.
rights-li4 = يحق لك مناقشة أجرك وجدول عملك وسلامتك مع زملائك.

# en: You may sign a union card or petition; management may not ask you whether you did.
rights-li5 = يحق لك توقيع بطاقة النقابة أو عريضة؛ ولا يجوز للإدارة أن تسألك إن كنت قد فعلت ذلك.

# en: What management may not do
illegal = ما لا يجوز للإدارة فعله

# en: Threaten to fire you, cut your hours or close the warehouse because of the union.
illegal-li1 = تهديدك بالفصل أو بتقليل ساعات عملك أو بإغلاق المستودع بسبب النقابة.

# en: Question you about your union activity or your coworkers'.
illegal-li2 = استجوابك عن نشاطك النقابي أو نشاط زملائك.

# en: Promise you a raise or a better schedule if you vote against the union.
illegal-li3 = أن تعدك بزيادة في الأجر أو بجدول أفضل إذا صوّتّ ضد النقابة.

# en: Spy on union meetings, or pretend to.
illegal-li4 = التجسس على اجتماعات النقابة، أو التظاهر بذلك.

# en: Punish you for taking part in protected activity.
illegal-li5 = معاقبتك على المشاركة في نشاط يحميه القانون.

# en: What to do if it happens
what-to-do = ماذا تفعل إذا حدث ذلك

# en: Write down what was said, who said it, where and when. Ask a coworker who saw it to write it down too.
what-to-do-p1 = اكتب ما قيل، ومن قاله، وأين ومتى. واطلب من زميل شهد ذلك أن يكتبه أيضًا.

# en: If a manager calls you into a meeting that could lead to discipline, you may ask for a union steward or a coworker to be present. Say: *"If this meeting could lead to discipline, I want a witness present."*
what-to-do-p2 = إذا استدعاك أحد المديرين إلى اجتماع قد يؤدي إلى عقوبة، يحق لك أن تطلب حضور مندوب نقابي أو زميل. قل: *"إذا كان هذا الاجتماع قد يؤدي إلى عقوبة، فأنا أريد حضور شاهد."*

# en: Call { -union-name } at { $phone }. We will help you file a charge with the [National Labor Relations Board](https://www.nlrb.gov) within six months of what happened. Retaliation for filing a charge is illegal too.
what-to-do-p3 = اتصل بـ { -union-name } على الرقم { $phone }. سنساعدك على تقديم شكوى إلى [المجلس الوطني لعلاقات العمل](https://www.nlrb.gov) خلال ستة أشهر مما حدث. والانتقام منك بسبب تقديم شكوى غير قانوني أيضًا.
