### Reference catalog: the en text of content/know-your-rights.md, written by `tradui sync`.
### Edit the leaflet, not this file.

title = Know your rights at work
rights = Your rights under the law
rights-p1 = The National Labor Relations Act protects you when you act together with coworkers to improve your job, whether or not you are a union member.
rights-li1 = You may talk about the union with coworkers during breaks and meal times.
rights-li2 = You may wear a union pin, button or shirt at work.
rights-li3 = You may hand out union leaflets in break rooms and parking lots, off the clock.
rights-li4 = You may discuss your pay, your schedule and your safety with coworkers.
rights-li5 = You may sign a union card or petition; management may not ask you whether you did.
illegal = What management may not do
illegal-li1 = Threaten to fire you, cut your hours or close the warehouse because of the union.
illegal-li2 = Question you about your union activity or your coworkers'.
illegal-li3 = Promise you a raise or a better schedule if you vote against the union.
illegal-li4 = Spy on union meetings, or pretend to.
illegal-li5 = Punish you for taking part in protected activity.
what-to-do = What to do if it happens
what-to-do-p1 = Write down what was said, who said it, where and when. Ask a coworker who saw it to write it down too.
what-to-do-p2 = If a manager calls you into a meeting that could lead to discipline, you may ask for a union steward or a coworker to be present. Say: *"If this meeting could lead to discipline, I want a witness present."*
what-to-do-p3 = Call { -union-name } at { $phone }. We will help you file a charge with the [National Labor Relations Board](https://www.nlrb.gov) within six months of what happened. Retaliation for filing a charge is illegal too.
