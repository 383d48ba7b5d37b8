# en: Know your rights at work
title = Connaissez vos droits au travail

# en: Your rights under the law
rights = Vos droits selon la loi

# en: The National Labor Relations Act protects you when you act together with coworkers to improve your job, whether or not you are a union member.
rights-p1 = La loi nationale sur les relations de travail (NLRA) vous protège lorsque vous agissez avec vos collègues pour améliorer votre travail, que vous soyez syndiqué ou non.

# en: You may talk about the union with coworkers during breaks and meal times.
rights-li1 = Vous pouvez parler du syndicat avec vos collègues pendant les pauses et les repas.

# en: You may wear a union pin, button or shirt at work.
rights-li2 = Vous pouvez porter un pin's, un badge ou un t-shirt syndical au travail.

# en: You may hand out union leaflets in break rooms and parking lots, off the clock.
rights-li3 = Vous pouvez distribuer des tracts syndicaux dans les salles de pause et sur les parkings, en dehors de vos heures de travail.

# en: You may discuss your pay, your schedule and your safety with coworkers.
rights-li4 = Vous pouvez parler de votre salaire, de vos horaires et de votre sécurité avec vos collègues.

# en: You may sign a union card or petition; management may not ask you whether you did.
rights-li5 = Vous pouvez signer une carte syndicale ou une pétition ; la direction n'a pas le droit de vous demander si vous l'avez fait.

# en: What management may not do
illegal = Ce que la direction n'a pas le droit de faire

# en: Threaten to fire you, cut your hours or close the warehouse because of the union.
illegal-li1 = Vous menacer de licenciement, de réduire vos heures ou de fermer l'entrepôt à cause du syndicat.

# en: Question you about your union activity or your coworkers'.
illegal-li2 = Vous interroger sur votre activité syndicale ou celle de vos collègues.

# en: Promise you a raise or a better schedule if you vote against the union.
illegal-li3 = Vous promettre une augmentation ou de meilleurs horaires si vous votez contre le syndicat.

# en: Spy on union meetings, or pretend to.
illegal-li4 = Espionner les réunions syndicales, ou faire semblant de le faire.

# en: Punish you for taking part in protected activity.
illegal-li5 = Vous sanctionner pour avoir participé à une activité protégée.

# en: What to do if it happens
what-to-do = Que faire si cela arrive

# en: Write down what was said, who said it, where and when. Ask a coworker who saw it to write it down too.
what-to-do-p1 = Notez ce qui a été dit, qui l'a dit, où et quand. Demandez à un collègue qui l'a vu de le noter aussi.

# en: If a manager calls you into a meeting that could lead to discipline, you may ask for a union steward or a coworker to be present. Say: *"If this meeting could lead to discipline, I want a witness present."*
what-to-do-p2 = Si un responsable vous convoque à un entretien qui pourrait mener à une sanction, vous pouvez demander la présence d'un délégué syndical ou d'un collègue. Dites : *« Si cet entretien peut mener à une sanction, je veux qu'un témoin soit présent. »*

# en: Call { -union-name } at { $phone }. We will help you file a charge with the [National Labor Relations Board](https://www.nlrb.gov) within six months of what happened. Retaliation for filing a charge is illegal too.
what-to-do-p3 = Appelez { -union-name } au { $phone }. Nous vous aiderons à déposer une plainte auprès du [Conseil national des relations de travail](https://www.nlrb.gov) dans les six mois suivant les faits. Les représailles pour avoir déposé une plainte sont elles aussi illégales.
