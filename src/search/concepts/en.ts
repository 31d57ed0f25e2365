/** English situation phrases → article ids (syntax: concepts.ts). */
import type { ConceptTerms } from '../concepts.js'

const en: ConceptTerms = {
  registration: [
    'arrived what* do', 'first thing', 'registration* expired', 'registration ran out', 'registration* over',
    'register my address', 'host register*', 'where i live* official*', 'notice of arrival', 'tear* off', 'propiska',
    'address record*',
  ],
  'migration-card': [
    'paper* at the border', 'card* at the border', 'form* at the border', 'slip* at the border', 'purpose of',
    'wrote tourist', 'tourist purpose', 'private visit', 'card* torn', 'tore* card*', 'washed* card*', 'lost* card*',
    'lost* migration card*',
  ],
  'stay-periods': [
    'how long can i stay', 'how long* stay*', 'how many days* stay*', 'leave and come back', 'exit and enter*',
    'go out* and come back', 'come back* again', 'reset*', 'stayed too long', 'overstay*', 'visa run*',
    'fingerprint*', 'medical check*', 'hiv', 'time* ran out', 'days* ran out',
  ],
  'controlled-persons': [
    'card* blocked', 'froze* card*', 'froze* account*', 'frozen card*', 'card* frozen', 'on some list', 'on a list',
    'account* blocked', 'bank* blocked', 'blocked my card*', 'frozen account*', 'cannot withdraw', 'cant withdraw',
    'cannot marry', 'cant marry', 'get married', 'on the list', 'in the register*', 'illegal migrant*',
    'living illegally', 'stay* illegally', 'undocumented', 'amnesty',
  ],
  'amina-app': [
    'app for migrants', 'phone app', 'install* app', 'install* apps', 'download* app', 'download* apps', 'tracking',
    'tracks my phone', 'track* me', 'share* location', 'my location', 'location on', 'geolocation', 'amina',
  ],
  'entry-ban': [
    'let me in', 'not let in', 'not allowed in', 'turned away', 'turned back', 'sent back at the border',
    'off the plane', 'refused* entry', 'can i enter', 'can i come back', 'can i return', 'allowed to enter',
    'black list*', 'blacklist*', 'banned',
  ],
  'lost-passport': [
    'lost my passport', 'lost* passport*', 'lost* document*', 'stole* passport*', 'stolen', 'robbed', 'bag stolen',
    'pickpocket*', 'passport* gone', 'passport* burn*', 'no passport', 'without passport', 'return certificate',
  ],
  'eaeu-workers': [
    'kyrgyz* patent*', 'kyrgyz* work*', 'kyrgyz* citizen*', 'from kyrgyzstan', 'do i need a patent', 'need* patent*',
    'without a patent', 'eaeu', 'kazakh*', 'armenia*', 'belarus*',
  ],
  patent: [
    'permit to work', 'work permit*', 'document* to work', 'paper* to work', 'pay* monthly', 'where* patent*',
    'extend* patent*', 'renew* patent*', 'patent on time', 'pay patent* late', 'monthly payment*', 'forgot to pay',
    'paid late', 'pay* late', 'missed* payment*', 'late with*', 'uzbek* work*', 'tajik* work*', 'russian exam*',
    'russian test*', 'language exam*', 'income tax*', 'advance payment*',
  ],
  'employment-contract': [
    'no contract', 'signed nothing', 'without any papers', 'no papers', 'without* contract', 'not official*',
    'unofficial*', 'off the books', 'cash in hand', 'cash job*', 'hired', 'get a job', 'find a job', 'sign* paper*',
    'signed*', 'fired', 'dismiss*', 'sacked', 'let go from*', 'self employed', 'gig', 'gigs',
  ],
  'unpaid-wages': [
    'not paid', 'not paying', 'didnt pay', 'doesnt pay', 'dont pay', 'wont pay', 'never paid', 'no pay', 'owes me',
    'owe me', 'my money', 'money for my work', 'cheated', 'scammed', 'boss ran away', 'ran away with* money',
    'boss* disappeared', 'employer* disappeared', 'foreman* disappeared', 'paycheck*', 'pay me', 'next month',
    'pay later', 'promise* to pay', 'pay tomorrow', 'wage*', 'salary',
  ],
  'passport-withheld': [
    'took my passport', 'take* my passport', 'keeps my passport', 'keep* my passport', 'holding my passport',
    'has my passport', 'wont give* passport*', 'give back* passport*', 'return* passport*', 'passport* deposit',
    'took my documents', 'took* document*', 'boss* passport*', 'employer* passport*', 'foreman* passport*',
  ],
  'work-injury': [
    'fell', 'fall* from', 'broke my', 'broke* arm*', 'broke* leg*', 'broken', 'hurt at work', 'got hurt', 'hurt on',
    'injur*', 'burn*', 'burned', 'cut* finger*', 'cut* hand*', 'crushed', 'electric shock', 'electrocut*',
    'accident*', 'died at work', 'killed at work', 'construction site', 'sick leave', 'sick pay',
  ],
  'forced-labour': [
    'wont let me go', 'wont let me leave', 'not let me go', 'not let me leave', 'cant leave', 'cannot leave',
    'locked', 'guards', 'guarded', 'by force', 'forced to work', 'force me', 'work off', 'debt', 'sold', 'slave*',
    'for free', 'no pay for months', 'lied about the job', 'tricked', 'took my phone',
  ],
  'police-check': [
    'asked* for* papers', 'asked* for my passport', 'stopped me', 'police took* documents', 'police took* passport',
    'police took* papers', 'stopped by police', 'police stop*', 'cops stop*', 'raid*', 'check* my documents',
    'check* documents', 'checked my papers', 'show* documents', 'ask* for documents', 'asked for documents',
    'what documents* carry', 'carry with me', 'search* me', 'searched', 'patrol*', 'metro police',
  ],
  detention: [
    'taken to police', 'taken to the station', 'taken away', 'police took me away', 'police took him away',
    'took me to the police', 'took him to the police', 'took me to the station', 'took him', 'took my husband',
    'took my son', 'arrest*', 'detain*', 'locked up', 'police station', 'held at', 'how long can they hold',
    'in a cell', 'jail*',
  ],
  expulsion: [
    'kick* me out', 'kicked out', 'sent home', 'send me home', 'deport*', 'expel*', 'court* leave', 'court ordered',
    'controlled departure', 'leave on my own', 'appeal* court*', 'remove* from russia',
  ],
  'health-care': [
    'sick', 'ill', 'fever', 'pain', 'hurts', 'toothache', 'tooth', 'doctor*', 'hospital*', 'ambulance', 'clinic*',
    'treatment', 'medicine', 'give birth in russia', 'surgery', 'medical help', 'medical care', 'operation',
    'insurance',
  ],
  'children-school': [
    'school', 'schools', 'child* school*', 'enrol*', 'grade', 'class', 'child* test*', 'child* exam*', 'kid* test*',
    'teacher*', 'study', 'pupil*', 'education',
  ],
  'pension-eaeu': [
    'years in russia', 'work* in russia pension*', 'russian pension', 'pension* from russia', 'count* years',
    'contribution*', 'transfer* pension*', 'pension* eaeu',
  ],
  housing: [
    'rent*', 'flat', 'apartment*', 'room', 'landlord*', 'landlady', 'evict*', 'kick* out of the flat',
    'throw* me out', 'deposit', 'bed space', 'hostel*', 'dorm*', 'place to live', 'nowhere to live', 'moved* flat*',
    'moved* apartment*', 'move house', 'new address', 'slavs only', 'only slavs', 'no migrants',
  ],
  'discrimination-violence': [
    'husband hits', 'hits me', 'hit me', 'beat*', 'attack*', 'punch*', 'kick* me', 'threat*', 'extort*', 'bribe*',
    'want* money', 'demand* money', 'police* money', 'police* took* money', 'insult*', 'humiliat*', 'racis*',
    'because i am', 'nationality', 'rape*', 'harass*', 'abuse*', 'violen*', 'fought',
  ],
  consulate: [
    'embassy', 'consul*', 'power of attorney', 'notary', 'passport* expir*', 'new passport', 'renew* passport*',
    'birth certificate', 'born in russia', 'certificate from*',
  ],
  hotlines: [
    'who to call', 'who do i call', 'what number', 'call police', 'phone number*', 'hotline*', 'helpline*', 'fire',
    'gas', 'emergency*', 'no sim', 'no credit', 'no money on phone', 'no money on my phone',
  ],
  'legal-aid': [
    'lawyer*', 'attorney*', 'advocate*', 'legal help', 'legal aid', 'free help', 'sue', 'court case',
    'write* a complaint', 'write* an application', 'consultation*',
  ],
  'benefit-family-support': [
    'child benefit*', 'benefit* for* children', 'poor family', 'low income', 'not enough money', 'many children',
    'help for* family', 'family at home', 'benefit* in kyrgyzstan',
  ],
  'benefit-birth-grant': [
    'baby born', 'gave birth', 'new baby', 'newborn*', 'had a baby', 'wife gave birth', 'birth payment*',
    'money for* birth', 'one time payment',
  ],
  'benefit-young-children': [
    'under 3', 'under three', 'toddler*', 'little child*', 'small child*', 'mountain*', 'highland*', 'third child',
  ],
  'benefit-disability': [
    'disab*', 'orphan*', 'no parents', 'father died', 'mother died', 'lost* parent*', 'breadwinner', 'no pension',
    'hero mother', 'sick child',
  ],
  'benefit-maternity': [
    'pregnan*', 'expecting* baby', 'expecting* child', 'maternity', 'give birth', 'giving birth', 'due date',
  ],
  'pension-kg': [
    'retire*', 'pension age', 'what age pension', 'old age', 'parents* pension*', 'mother* pension*',
    'father* pension*', 'social fund', 'voluntar*', 'pension* kyrgyzstan', 'pension* at home', 'elderly',
  ],
  'children-left-behind': [
    'children with grandmother', 'kids with grandma', 'grandmother*', 'grandma', 'grandparent*', 'grandchild*',
    'left* children', 'left my kids', 'children stay* home', 'children at home', 'guardian*', 'while we work',
    'miss* us',
  ],
}

export default en
