/** Uzbek situation phrases → article ids (syntax: concepts.ts; oʻ/gʻ typed as o/g or in Cyrillic fold the same). */
import type { ConceptTerms } from '../concepts.js'

const uz: ConceptTerms = {
  registration: [
    'roʻyxatga olish*', 'roʻyxatga oldi*', 'roʻyxatga olin*', 'roʻyxatdan oʻtish*', 'roʻyxatdan oʻtdi*',
    'roʻyxatdan oʻtma*', 'roʻyxatga qoʻy*', 'propiska*', 'keldim nima qil*', 'registratsiya* muddat*',
    'registratsiya* tuga*', 'roʻyxat* muddat*', 'roʻyxat* tuga*', 'kelgandan keyin', 'uy egasi* roʻyxat*',
    'hisobga tur*', 'hisobga qoʻy*', 'migratsiya hisob*',
  ],
  'migration-card': [
    'chegarada* ber*', 'chegarada* toʻldir*', 'chegarada* qogʻoz*', 'kelish maqsad*', 'tashrif maqsad*',
    'turizm* yoz*', 'karta* yoʻqot*', 'migratsion* yoʻqot*', 'migratsion* yoʻqol*', 'karta* yirt*', 'migratsionka*',
  ],
  'stay-periods': [
    'qancha vaqt* yur*', 'necha kun* yur*', 'qancha kun* yur*', 'qancha vaqt* yasha*', 'chiqib qayta*', 'chiqib kir*',
    'qayta kir*', 'muddatidan oshib*', 'ortiqcha qol*', 'noqonuniy qol*', 'barmoq izi*', 'daktiloskop*',
    'tibbiy koʻrik*', 'medkomissiya*',
  ],
  'controlled-persons': [
    'karta* blok*', 'karta* muzlat*', 'hisob* muzlat*', 'hisob* blok*', 'bank* blok*', 'karta* yopil*',
    'pul yecha olmay*', 'pul chiqara olmay*', 'uylana olmay*', 'nikoh*', 'reestr*', 'nazorat* shaxs*', 'rkl* tush*',
    'rkl* bor*', 'nazoratdagi*', 'noqonuniy*', 'hujjatsiz*', 'amnistiya*',
  ],
  'amina-app': [
    'ilova*', 'dastur*', 'telefon* kuzat*', 'kuzatib*', 'geolokatsiya*', 'joylashuv*', 'lokatsiya*', 'amin*',
  ],
  'entry-ban': [
    'kirish* mumkin emas*', 'kiritmadi*', 'kiritishmadi*', 'kiritmay*', 'qaytarib yubor*', 'qaytarishdi*',
    'chegaradan qaytar*', 'samolyotdan tushir*', 'kirish* taqiq*', 'taqiq*', 'qora roʻyxat*', 'kira olaman*',
    'kirsam boʻladimi', 'bora olaman*', 'qaytib bor*', 'zapret*',
  ],
  'lost-passport': [
    'pasport* yoʻqol*', 'yoʻqotdim', 'yoʻqotib*', 'yoʻqot*', 'oʻgʻirla*', 'oʻgʻirlat*', 'pasport* yon*',
    'pasport yoʻq', 'pasportim yoʻq', 'pasportsiz*', 'qaytish guvohnoma*',
  ],
  'eaeu-workers': [
    'qirgʻiziston*', 'qirgʻiz fuqaro*', 'patent kerakmi', 'qirgʻiz* patent*', 'patentsiz*', 'yevroosiyo*', 'yeoii',
    'shartnoma* bilan uzaytir*',
  ],
  patent: [
    'ishlash uchun ruxsat*', 'ishga ruxsat*', 'ishlashga ruxsat*', 'patent* toʻla*', 'patent* qayerdan*',
    'patent* olish*', 'patent* uzaytir*', 'patent* muddat*', 'patent* tuga*', 'patent* oʻz vaqtida*',
    'patent* vaqtida*', 'patent* kechiktir*', 'toʻlovni kechiktir*', 'kech toʻla*', 'har oy toʻla*', 'oylik toʻlov*',
    'oʻzbek* ishla*', 'tojik* ishla*', 'rus tili* imtihon*', 'imtihon*', 'daromad soligʻi*',
  ],
  'employment-contract': [
    'shartnomasiz*', 'imzo chekmagan*', 'hech narsaga imzo*', 'shartnoma yoʻq', 'shartnoma* tuzma*', 'norasmiy*',
    'rasmiy* ishla*', 'rasmiylashtir*', 'ishga joylash*', 'ishga olish*', 'ishga oldi*', 'ishdan boʻshat*',
    'ishdan haydal*', 'ishdan hayda*', 'imzo*', 'qoʻl qoʻy*', 'qora ishda*', 'qora ishla*',
  ],
  'unpaid-wages': [
    'oylik* bermay*', 'oyligim*', 'oylik* toʻlamay*', 'pul* bermay*', 'pulimni*', 'pul* toʻlamay*', 'toʻlamay*',
    'aldab ket*', 'aldadi*', 'qochib ket*', 'yoʻqolib ket*', 'qarz* bermay*', 'ishlagan pul*', 'ish haqi*', 'maosh*',
    'xoʻjayin* pul*', 'keyingi oyda*', 'keyin beraman*', 'ertaga beraman*', 'nachalnik* pul*', 'prorab* qoch*',
    'brigadir* qoch*', 'oylik*',
  ],
  'passport-withheld': [
    'pasport* bermay*', 'pasport* olib qoʻy*', 'pasport* olib*', 'pasportimni oldi*', 'pasport* qaytarmay*',
    'pasport* ushlab*', 'pasport* xoʻjayin*', 'pasport* prorab*', 'pasport* brigadir*', 'hujjat* olib*',
    'hujjat* bermay*', 'dokument* bermay*', 'dokument* olib*', 'hujjatlarimni*', 'pasport* garov*',
    'pasport* ish beruvchi*',
  ],
  'work-injury': [
    'yiqil*', 'sindir*', 'singan*', 'jarohat*', 'shikast*', 'kuyib*', 'kuydi*', 'qoʻl* kesil*', 'barmoq* kesil*',
    'kesib*', 'tok urdi*', 'tok urib*', 'tokka*', 'qurilishda*', 'stroyka*', 'balanddan*', 'ishda vafot*',
    'ishda oʻldi*', 'ishda oʻlib*', 'baxtsiz hodisa*', 'bolnichniy*', 'kasallik varaqa*',
  ],
  'forced-labour': [
    'qoʻyib yubormay*', 'ketkizmay*', 'chiqarmay*', 'kuch bilan*', 'majburla*', 'majburiy ishla*', 'majburiy mehnat*',
    'qamab*', 'qulflab*', 'qulchilik*', 'qul', 'sotib yubor*', 'sotib ket*', 'sotil*', 'qarzni ishla*',
    'qarz* ishla*', 'tekin ishla*', 'bepul ishla*', 'telefon* olib*', 'qocha olmay*', 'keta olmay*',
  ],
  'police-check': [
    'dokument* soʻra*', 'militsiya* toʻxtat*', 'politsiya* toʻxtat*', 'ment* toʻxtat*', 'toʻxtatib*', 'toʻxtatdi*',
    'hujjat* tekshir*', 'politsiya* hujjat* olib*', 'militsiya* hujjat* olib*', 'politsiya* dokument*',
    'koʻchada tekshir*', 'militsiya* tekshir*', 'politsiya* tekshir*', 'hujjat* soʻra*', 'hujjat* koʻrsat*',
    'qanday hujjat* olib yur*', 'hujjat* yonimda*', 'reyd*', 'oblava*', 'tintuv*', 'tinti*', 'patrul*', 'metroda*',
  ],
  detention: [
    'ushlab ket*', 'militsiya* olib ket*', 'politsiya* olib ket*', 'ushla*', 'qamoq*', 'qamash*', 'qamab qoʻy*',
    'olib ketdi*', 'olib ketish*', 'militsiyaga*', 'politsiyaga*', 'boʻlimga*', 'otdel*', 'necha soat*',
    'qancha soat*', 'erim* ushla*', 'oʻgʻlim* ushla*', 'akam* ushla*', 'ukam* ushla*',
  ],
  expulsion: [
    'chiqarib yubor*', 'deport*', 'vidvor*', 'majburiy chiqar*', 'mamlakatdan chiqar*', 'rossiyadan chiqar*',
    'vatanga joʻnat*', 'uyga joʻnat*', 'sud qaror*', 'sud* chiqar*', 'mustaqil chiqish*', 'haydab chiqar*',
    'haydab yubor*',
  ],
  'health-care': [
    'kasal*', 'ogʻri*', 'isitma*', 'harorat*', 'shifokor*', 'vrach*', 'doktor*', 'kasalxona*', 'shifoxona*',
    'tez yordam*', 'davolan*', 'davola*', 'tishim*', 'tish ogʻri*', 'operatsiya*', 'tibbiy yordam*', 'polis*',
    'sugʻurta*', 'rossiyada tugʻ*',
  ],
  'children-school': [
    'maktab*', 'sinf*', 'oʻqish*', 'oʻqit*', 'oʻqituvchi*', 'bola* test*', 'bola* imtihon*', 'bolalar* test*',
    'maktabga olma*', 'maktabga qabul*', 'qabul qilma*',
  ],
  'pension-eaeu': [
    'rossiyada* staj*', 'rossiyadagi* pensiya*', 'rossiyadan pensiya*', 'rossiyada ishla* pensiya*', 'pensiya badal*',
    'badal*', 'pensiya* oʻtkaz*', 'mehnat staj*', 'ish staj*',
  ],
  housing: [
    'kvartira*', 'xona*', 'ijara*', 'uy egasi*', 'kvartiradan*', 'uydan* hayda*', 'uydan* chiqar*', 'zalog*',
    'depozit*', 'yotoqxona*', 'yashash joy*', 'yashashga joy*', 'koʻchib* kvartira*', 'koʻchdim kvartira*',
    'yangi manzil*', 'slavyan*',
  ],
  'discrimination-violence': [
    'erim uradi', 'erim urdi', 'erim urib', 'uradi', 'urdi', 'urib', 'urishdi', 'urishyapti', 'kaltak*', 'doʻppos*',
    'hujum*', 'qoʻrqit*', 'tahdid*', 'pul talab*', 'pul soʻra*', 'pora*', 'haqorat*', 'kamsit*', 'millat*', 'zoʻrla*',
    'zoʻravon*', 'shilqim*', 'tajovuz*', 'mushtla*', 'janjal*', 'churka*', 'diskrimin*',
  ],
  consulate: [
    'elchixona*', 'konsul*', 'ishonchnoma*', 'doverennost*', 'notarius*', 'pasport* muddat*', 'pasport* tuga*',
    'yangi pasport*', 'pasport* almashtir*', 'tugʻilganlik*', 'rossiyada tugʻilgan*', 'konsullik*',
  ],
  hotlines: [
    'qayerga qoʻngʻiroq*', 'qaysi raqam*', 'kimga qoʻngʻiroq*', 'qoʻngʻiroq*', 'ishonch telefon*', 'ishonch liniya*',
    'qaynoq liniya*', 'shoshilinch*', 'yongʻin*', 'gaz', 'gaz hid*', 'simkarta*', 'sim karta*', 'telefonda pul yoʻq',
    'bepul qoʻngʻiroq*', 'tez yordam* raqam*',
  ],
  'legal-aid': [
    'yurist*', 'advokat*', 'huquq himoya*', 'bepul yurist*', 'tekin yurist*', 'bepul maslahat*', 'maslahat*',
    'sudga*', 'ariza yoz*', 'shikoyat*',
  ],
  'benefit-family-support': [
    'bolalarga* nafaqa*', 'bola puli*', 'kam taʼminlangan*', 'kambagʻal*', 'pul yetmay*', 'koʻp bolali*',
    'oilaga yordam*', 'oila* kam taʼminlangan*',
  ],
  'benefit-birth-grant': [
    'tugʻildi*', 'bola tugʻil*', 'farzandli boʻl*', 'xotinim tugʻ*', 'tugʻdi*', 'yangi tugʻilgan*', 'bir martalik*',
  ],
  'benefit-young-children': [
    '3 yoshgacha*', 'uch yoshgacha*', 'kichik bola*', 'kichkina bola*', 'goʻdak*', 'chaqaloq*', 'togʻli*',
    'baland togʻ*', 'togʻda*', 'uchinchi bola*', 'uchinchi farzand*',
  ],
  'benefit-disability': [
    'nogiron*', 'imkoniyati cheklangan*', 'yetim*', 'ota-onasiz*', 'otasi vafot*', 'onasi vafot*', 'boquvchi*',
    'pensiyasi yoʻq', 'pensiya* yoʻq', 'qahramon ona*', 'kasal bola*',
  ],
  'benefit-maternity': [
    'homilador*', 'boʻyida bor', 'boʻyida*', 'dekret*', 'tugʻruq*', 'bola kut*', 'farzand kut*',
  ],
  'pension-kg': [
    'pensiya* qachon*', 'pensiya yosh*', 'pensiyaga chiq*', 'necha yoshda*', 'qancha yoshda*', 'keksa*', 'qariya*',
    'ota-onam* pensiya*', 'onam* pensiya*', 'otam* pensiya*', 'sotsfond*', 'ijtimoiy fond*', 'ixtiyoriy*',
    'qirgʻizistonda* pensiya*', 'vatanda* pensiya*',
  ],
  'children-left-behind': [
    'buvi*', 'bobo*', 'nevara*', 'bolalar* uyda*', 'bolalar* qoldi*', 'bolalarni qoldir*', 'bolamni qoldir*',
    'vasiy*', 'homiy*', 'ishonchnoma* bola*', 'ota-onasi* rossiya*', 'ota-onasi* chet*',
  ],
}

export default uz
