### Reference catalog: the en text of content/walkout.md, written by `tradui sync`.
### Edit the leaflet, not this file.

title = We walk out at midnight
walkout = We walk out together
walkout-p1 = On { $date } at { $time } (midnight), the night shift at JFK8 stops work and walks out **together**. Day shift: meet us at the bus stop at { $place } before your shift.
walkout-p2 = We are walking out because three coworkers collapsed from heat on the packing line this month, and management still refuses to fix the ventilation.
demands = What we demand
demands-li1 = Working fans and ventilation on every packing line, before the next heat wave.
demands-li2 = Paid water breaks of ten minutes every two hours.
demands-li3 = No discipline for anyone who joins the walkout.
join = How to join
join-li1 = Clock out at { $time } and walk to the bus stop at { $place } with your coworkers.
join-li2 = Stay with the group. Do not argue with managers or security.
join-li3 = If a manager tries to stop you, say: *"I am taking part in a protected walkout."*
join-q1 = I have worked here four years. I am not walking out against my job; I am walking out for my health and yours.
join-p1 = Questions or trouble? Call or text { -union-name } at { $phone }, any hour. Learn more about your right to strike at [the National Labor Relations Board](https://www.nlrb.gov/about-nlrb/rights-we-protect/the-law/the-right-to-strike).
