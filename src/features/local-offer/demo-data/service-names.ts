/**
 * What the demo Local Offer's services are called and what each says it does (data only): the other names each kind
 * of service goes by (`ALSO_CALLED`: different services of one kind, not numbered copies), and each other name's own
 * first sentence (`SAYS`: an orthotics clinic is not described as physiotherapy in general, issue 18).
 */

/** Other names each kind of service goes by: different services of the same kind, not numbered copies of one. */
export const ALSO_CALLED: Readonly<Record<string, readonly string[]>> = {
  'Saturday Sensory Club': [
    'Sensory Play Mornings',
    'Little Explorers Sensory Sessions',
    'Calm and Messy Play Club',
  ],
  'After-School Club for Disabled Children': [
    'Inclusive After-School Club',
    'Twilight Club',
    'Teatime Activity Club',
  ],
  'Holiday Play Scheme': [
    'Summer Holiday Club',
    'Half-Term Fun Days',
    'Holiday Activity Days',
    'Easter Playdays',
  ],
  'Overnight Short Breaks': ['Weekend Stays', 'Short Stay Residential Breaks', 'Overnight Breaks House'],
  'Inclusive Swimming Sessions': [
    'Quiet Swim',
    'Sensory Swim',
    'Family Swim with Hoist Access',
    'Splash Club',
  ],
  'Inclusive Football': ['Pan-Disability Football', 'Ability Counts Football', 'Saturday Kickabout'],
  'Relaxed Dance and Drama': ['Inclusive Theatre Group', 'Move and Groove Dance', 'Drama for All'],
  'Climbing for Everyone': ['Adaptive Climbing Sessions', 'Climb Together', 'Bouldering Club'],
  'Parent and Carer Support Group': [
    'Coffee Morning for Parents of Disabled Children',
    'Parent Carer Peer Support',
    'Evening Support Group for Parents',
    'Dads and Male Carers Group',
  ],
  'Siblings Group': ['Young Siblings Club', 'Brothers and Sisters Days Out', 'Sibs Support Sessions'],
  'Young Carers Club': ['Young Carers Break', 'Young Carers Evening Group', 'Young Carers Activity Days'],
  'Deaf Children’s Family Group': [
    'Signing Family Stay and Play',
    'Deaf Teens Social',
    'Family Sign Language Sessions',
  ],
  'Speech and Language Therapy': [
    'Early Language Groups',
    'Speech Sound Clinic',
    'Stammering Therapy',
    'Communication Aids Service',
    'Eating, Drinking and Swallowing Clinic',
  ],
  'Children’s Occupational Therapy': [
    'Sensory Processing Advice Clinic',
    'Handwriting and Fine Motor Groups',
    'Seating and Posture Clinic',
    'Equipment and Adaptations at Home',
  ],
  'Children’s Physiotherapy': [
    'Hydrotherapy Sessions',
    'Gross Motor Skills Group',
    'Postural Care Service',
    'Orthotics Clinic',
  ],
  'Children’s Community Nursing': [
    'Epilepsy Nurse Clinic',
    'Continence Service for Children',
    'Tube Feeding Support at Home',
    'Complex Care Nursing at Home',
  ],
  'Emotional Wellbeing Drop-in': [
    'Anxiety Group for Teenagers',
    'Mental Health Support Team in Schools',
    'Low Mood Support for Young People',
    'Parent Workshops on Anxiety',
  ],
  'Autism and ADHD Assessment Pathway': [
    'ADHD Medication Review Clinic',
    'Autism Post-Diagnosis Workshops',
    'Under-5s Social Communication Assessment',
    'Neurodevelopmental Advice Line for Parents',
  ],
  'Sensory Support for Children with Hearing or Sight Loss': [
    'Teachers of the Deaf Service',
    'Vision Support Team',
    'Habilitation and Mobility Training',
    'Multi-Sensory Impairment Support',
  ],
  'SEN Support in School': [
    'Nurture Group',
    'Social Skills Group',
    'Lunchtime Quiet Club',
    'Enhanced Learning Provision',
  ],
  'Specialist Resource Base': [
    'Autism Resource Base',
    'Hearing Impairment Resource Base',
    'Speech and Language Resource Base',
  ],
  'Special School Places': [
    'Specialist Day Places',
    'Post-16 Specialist Provision',
    'Assessment Places for Young Children',
  ],
  'Inclusive Nursery Places': [
    'Funded Places for 2-Year-Olds',
    'Early Years Inclusion Room',
    'Stay and Play for Under-5s',
  ],
  'Portage Home Visiting': [
    'Portage Stay and Play Group',
    'Early Support Home Learning',
    'Toy Library for Disabled Children',
  ],
  'Supported Internships': ['Job Coaching', 'Pathways to Employment Course', 'Work Experience with Support'],
  'Independent Living Skills Course': [
    'Life Skills for 16 to 25',
    'Cooking and Budgeting Course',
    'Moving to My Own Home Course',
  ],
  'Moving On to Adult Services Advice': [
    'Preparing for Adulthood Clinics',
    'Transition Advice Sessions',
    'Year 9 Review Planning Workshops',
  ],
  'Travel Training': ['Independent Travel Training', 'Bus Buddy Scheme', 'Safe Journeys Course'],
  'Home to School Transport': [
    'School Transport for Children with SEND',
    'Passenger Assistant Service',
    'Independent Travel Allowance',
    'Mileage Allowance for Parents',
  ],
  'Post-16 Travel Support': [
    'Post-16 Bus Pass',
    'College Travel Grant',
    'Post-19 Transport to Adult Learning',
  ],
  'Accessible Taxi Service': [
    'Wheelchair Accessible Minibus Hire',
    'School Run Taxi Service',
    'Accessible Airport Transfers',
  ],
  'Benefits and Money Advice for Families': [
    'Disability Living Allowance Form Help',
    'Blue Badge Application Help',
    'Grants for Families Advice',
  ],
  'Family Support Workers': [
    'Early Help for Families',
    'Short Breaks Assessment',
    'Direct Payments Support Service',
    'Sleep Support for Families',
    'Parenting Courses for Families of Disabled Children',
  ],
  'Personal Assistant Support': [
    'PA Finder Service',
    'Personal Assistant Training',
    'Support Worker Hours for Young Adults',
  ],
  'Adapted Cycling': ['Trike and Tandem Sessions', 'Family Cycle Rides', 'Learn to Ride'],
  'Accessible Farm Visits': [
    'Animal Care Sessions',
    'Farm Days for Schools',
    'Pony Riding for Disabled Riders',
  ],
  'Inclusive Youth Club': ['Friday Night Youth Club', 'Teen Social Group', 'Gaming Club for Young People'],
  'Dyslexia Support Sessions': ['Dyslexia Screening', 'Maths Confidence Sessions', 'Touch-Typing Course'],
  'Holiday Cottage Short Breaks': [
    'Accessible Caravan Holidays',
    'Family Weekend Breaks',
    'Accessible Glamping',
  ],
};

/** What each of a kind's other names does, in its own words (the kind's own name keeps the kind's description). */
export const SAYS: Readonly<Record<string, string>> = {
  'Sensory Play Mornings':
    'Weekday mornings of light, sound and texture play in a sensory room, for young children and the adults who care for them.',
  'Little Explorers Sensory Sessions':
    'Small sessions where young children explore sand, water, lights and music at their own pace.',
  'Calm and Messy Play Club':
    'Messy play with paint, foam and dough, with a quiet room next door for children who need a break.',
  'Inclusive After-School Club':
    'An after-school club where disabled children and their friends play together, with extra staff on hand.',
  'Twilight Club':
    'A club from the end of school until early evening: a snack, a quiet space for homework and games.',
  'Teatime Activity Club': 'Cooking, crafts and board games after school, finishing with tea together.',
  'Summer Holiday Club':
    'Days out and activities through the summer holidays, with staff trained to support disabled children.',
  'Half-Term Fun Days': 'Full days of games, crafts and trips in the half-term holidays.',
  'Holiday Activity Days':
    'Sport, arts and outdoor activities in the school holidays, with more staff than a usual holiday club.',
  'Easter Playdays': 'Play days in the Easter holidays, with a sensory room and outdoor space.',
  'Weekend Stays': 'Friday-to-Sunday stays in a homely house with staff awake through the night.',
  'Short Stay Residential Breaks':
    'Short overnight stays that give young people time away from home and families a rest.',
  'Overnight Breaks House':
    'A house with six bedrooms where children stay overnight, looked after by care staff and nurses.',
  'Quiet Swim': 'A swim with the music off, the lights low and fewer people in the pool.',
  'Sensory Swim':
    'A warm-water swim with floats, lights and toys, for children who find the usual sessions too busy.',
  'Family Swim with Hoist Access':
    'A family swim with a pool hoist and a changing room with a bench and hoist.',
  'Splash Club': 'Water confidence for children who are nervous of the water, in small groups.',
  'Pan-Disability Football': 'Football training and friendly matches for players with any disability.',
  'Ability Counts Football':
    'A football league for disabled players, with training in the week and games at weekends.',
  'Saturday Kickabout': 'Relaxed football games on Saturday mornings: no tryouts and no pressure.',
  'Inclusive Theatre Group': 'A theatre group that puts on a show each year, with parts for every member.',
  'Move and Groove Dance': 'Dance to music for all abilities, including dancers who use wheelchairs.',
  'Drama for All': 'Drama games and short plays that build confidence and friendships.',
  'Adaptive Climbing Sessions':
    'Climbing with harnesses and adapted holds, with an instructor for each climber.',
  'Climb Together': 'Family climbing sessions where parents and brothers and sisters climb too.',
  'Bouldering Club': 'Low-level climbing on padded walls, with no ropes, in small groups.',
  'Coffee Morning for Parents of Disabled Children':
    'A monthly coffee morning to meet other parents, with a speaker on some mornings.',
  'Parent Carer Peer Support':
    'Trained parent volunteers who listen and share what helped them, by phone or in person.',
  'Evening Support Group for Parents':
    'An evening group for parents who work in the day, to talk and share advice.',
  'Dads and Male Carers Group':
    'A group for dads, granddads and male carers of disabled children, meeting over breakfast.',
  'Young Siblings Club':
    'A club for the brothers and sisters of disabled children, aged 5 to 11, with games and time to talk.',
  'Brothers and Sisters Days Out': 'Days out in the holidays for brothers and sisters of disabled children.',
  'Sibs Support Sessions':
    'Small group sessions where siblings talk about what life at home is like, with a youth worker.',
  'Young Carers Break':
    'A break from caring: trips and activities for young people who look after someone at home.',
  'Young Carers Evening Group':
    'A weekly evening group for young carers to relax and meet others who understand.',
  'Young Carers Activity Days': 'Activity days in the school holidays for young carers.',
  'Signing Family Stay and Play':
    'Stay and play for deaf children and their families, with British Sign Language (BSL) used throughout.',
  'Deaf Teens Social': 'A social evening for deaf teenagers, led by deaf youth workers.',
  'Family Sign Language Sessions': 'Learn British Sign Language (BSL) as a family, in short weekly classes.',
  'Early Language Groups':
    'Groups for children under 5 whose talking is slow to start, with ideas for parents to use at home.',
  'Speech Sound Clinic':
    'Therapy for children whose speech is hard to understand because of how they make sounds.',
  'Stammering Therapy': 'Therapy and advice for children and young people who stammer, and their families.',
  'Communication Aids Service':
    'Assessment for and training in communication aids, from picture boards to speech-generating devices.',
  'Eating, Drinking and Swallowing Clinic':
    'Assessment and advice for children who find eating, drinking or swallowing hard or unsafe.',
  'Sensory Processing Advice Clinic':
    'Advice for families and schools on children who are over- or under-sensitive to noise, touch or movement.',
  'Handwriting and Fine Motor Groups': 'Groups that help children with pencil grip, cutting and handwriting.',
  'Seating and Posture Clinic': 'Assessment for special seating at home and school, and advice on posture.',
  'Equipment and Adaptations at Home':
    'Assessment for equipment and changes at home, such as rails, bath seats and ramps.',
  'Hydrotherapy Sessions': 'Physiotherapy in a warm-water pool for children with stiff or weak muscles.',
  'Gross Motor Skills Group': 'Groups that help children with balance, running, jumping and catching.',
  'Postural Care Service':
    'Advice and equipment to protect body shape for children who cannot change position easily, day and night.',
  'Orthotics Clinic':
    'Splints, insoles and supports for feet, ankles and legs, measured and fitted at the clinic.',
  'Epilepsy Nurse Clinic':
    'Specialist nurses who help children and families manage epilepsy, and train school staff.',
  'Continence Service for Children':
    'Help with toilet training, wetting and soiling, and continence products.',
  'Tube Feeding Support at Home':
    'Nurses who visit children fed by tube at home and train parents and carers.',
  'Complex Care Nursing at Home':
    'Nursing care at home for children with complex health needs, such as breathing support.',
  'Anxiety Group for Teenagers': 'A 6-week group that teaches young people ways to manage worry and panic.',
  'Mental Health Support Team in Schools':
    'Mental health practitioners who work in schools with pupils who are anxious or low.',
  'Low Mood Support for Young People':
    'One-to-one sessions for young people who feel low, over 6 to 8 weeks.',
  'Parent Workshops on Anxiety': 'Evening workshops for parents on helping an anxious child.',
  'ADHD Medication Review Clinic': 'Regular reviews for children and young people taking medicine for ADHD.',
  'Autism Post-Diagnosis Workshops':
    'Workshops for families after an autism diagnosis: what it means and where to get help.',
  'Under-5s Social Communication Assessment':
    'Assessment for young children when there are worries about their communication and play.',
  'Neurodevelopmental Advice Line for Parents':
    'A phone line where parents waiting for an autism or ADHD assessment can ask for advice.',
  'Teachers of the Deaf Service':
    'Qualified teachers of the deaf who support deaf children at home, in nursery and at school.',
  'Vision Support Team':
    'Qualified teachers of children with vision impairment, who advise schools and families.',
  'Habilitation and Mobility Training':
    'Training for children with sight loss to move around safely and do everyday tasks.',
  'Multi-Sensory Impairment Support': 'Specialist teachers for children with both hearing and sight loss.',
  'Nurture Group': 'A small class in school where children who find the big classroom hard settle and learn.',
  'Social Skills Group':
    'Small groups in school to practise taking turns, making friends and sorting out problems.',
  'Lunchtime Quiet Club':
    'A quiet room at lunchtime with games and a calm adult, for pupils who find the playground too much.',
  'Enhanced Learning Provision':
    'Extra teaching in small groups for pupils with learning difficulties, alongside their class.',
  'Autism Resource Base':
    'A base in a mainstream school for autistic pupils with an EHC plan, who join their class when they can.',
  'Hearing Impairment Resource Base':
    'A base in a mainstream school with teachers of the deaf and a quiet classroom.',
  'Speech and Language Resource Base':
    'A base in a mainstream school for pupils with severe speech and language needs, with a therapist on site.',
  'Specialist Day Places': 'Day places at a special school, with small classes and therapists on site.',
  'Post-16 Specialist Provision': 'A sixth form at a special school for students aged 16 to 19.',
  'Assessment Places for Young Children':
    'Places for young children while the council works out what help they need.',
  'Funded Places for 2-Year-Olds':
    'Free nursery hours for 2-year-olds with an EHC plan or Disability Living Allowance.',
  'Early Years Inclusion Room':
    'A calm room in the nursery for children who need a smaller group, with a key worker.',
  'Stay and Play for Under-5s':
    'Play sessions where parents stay with their children and meet other families.',
  'Portage Stay and Play Group': 'A play group run by Portage workers for young children and their parents.',
  'Early Support Home Learning':
    'Home visits that help parents of young disabled children plan small steps of learning.',
  'Toy Library for Disabled Children': 'Borrow sensory and adapted toys for free, and swap them each month.',
  'Job Coaching': 'A job coach who helps a young person learn a job at work and keep it.',
  'Pathways to Employment Course': 'A one-year course with work placements and help to apply for jobs.',
  'Work Experience with Support': 'Work experience with a supporter, for young people with SEND.',
  'Life Skills for 16 to 25':
    'A course in everyday skills: cooking, money, travel and looking after yourself.',
  'Cooking and Budgeting Course': 'Learn to plan meals, shop to a budget and cook simple dishes.',
  'Moving to My Own Home Course':
    'A course for young adults who want to live more independently, with practice in a training flat.',
  'Preparing for Adulthood Clinics':
    'Clinics where young people from year 9 and their families plan for work, housing and health.',
  'Transition Advice Sessions': 'Advice for families about moving from children’s to adults’ services.',
  'Year 9 Review Planning Workshops':
    'Workshops to help families get ready for the year 9 review of an EHC plan.',
  'Independent Travel Training': 'One-to-one training to travel to school, college or work alone.',
  'Bus Buddy Scheme':
    'A trained volunteer travels with a young person on the bus until they are confident to go alone.',
  'Safe Journeys Course':
    'A short course on planning journeys, road safety and what to do if things go wrong.',
  'School Transport for Children with SEND':
    'Free transport to school for children who cannot walk there because of their SEND.',
  'Passenger Assistant Service': 'Trained passenger assistants who travel with children on school transport.',
  'Independent Travel Allowance':
    'Money instead of transport, so families can arrange the journey to school themselves.',
  'Mileage Allowance for Parents':
    'Money for parents who drive their child to school instead of using council transport.',
  'Post-16 Bus Pass': 'A free or cheaper bus pass for students with SEND going to school or college.',
  'College Travel Grant': 'A grant towards the cost of getting to college.',
  'Post-19 Transport to Adult Learning':
    'Transport for adults with an EHC plan to their course or day placement.',
  'Wheelchair Accessible Minibus Hire':
    'Minibuses with a lift and wheelchair spaces, with or without a driver.',
  'School Run Taxi Service': 'Taxis for the school run, with the same driver each day.',
  'Accessible Airport Transfers': 'Wheelchair-accessible taxis to and from the airport, booked ahead.',
  'Disability Living Allowance Form Help':
    'Help to fill in the Disability Living Allowance (DLA) form, with an adviser.',
  'Blue Badge Application Help': 'Help to apply for a Blue Badge for parking.',
  'Grants for Families Advice': 'Advice on charity grants for equipment, holidays and household costs.',
  'Early Help for Families': 'A family worker who helps with sleep, routines and behaviour at home.',
  'Short Breaks Assessment': 'An assessment of the short breaks a disabled child and their family need.',
  'Direct Payments Support Service':
    'Help to use direct payments: finding support, paying staff and keeping records.',
  'Sleep Support for Families': 'Advice and a sleep plan for families whose child sleeps badly.',
  'Parenting Courses for Families of Disabled Children':
    'Weekly courses for parents on behaviour, communication and looking after themselves.',
  'PA Finder Service': 'Help to find, interview and employ a personal assistant.',
  'Personal Assistant Training':
    'Training for personal assistants in moving and handling, first aid and safeguarding.',
  'Support Worker Hours for Young Adults':
    'Support workers who help young adults get out, see friends and try new things.',
  'Trike and Tandem Sessions': 'Ride adapted trikes, tandems and hand bikes on a traffic-free track.',
  'Family Cycle Rides': 'Led bike rides on quiet paths for families, with adapted bikes to borrow.',
  'Learn to Ride': 'Lessons for children and young people learning to ride a bike, at their own pace.',
  'Animal Care Sessions': 'Feed, groom and care for farm animals with the farm’s staff.',
  'Farm Days for Schools':
    'Visits for special schools and classes, with accessible paths and a hoist in the toilet.',
  'Pony Riding for Disabled Riders': 'Riding lessons on calm ponies, with helpers walking alongside.',
  'Friday Night Youth Club': 'A youth club on Friday nights with games, music and a tuck shop.',
  'Teen Social Group': 'A group for teenagers to make friends, with trips out and evenings in.',
  'Gaming Club for Young People': 'Video and board games for young people, with a quiet area.',
  'Dyslexia Screening': 'A check for signs of dyslexia, with a report and advice for home and school.',
  'Maths Confidence Sessions':
    'Small group sessions for children who find numbers hard, using hands-on materials.',
  'Touch-Typing Course': 'A course that teaches children who struggle with handwriting to touch-type.',
  'Accessible Caravan Holidays': 'Caravans with ramps, wide doors and a wet room, on a quiet site.',
  'Family Weekend Breaks': 'Weekend breaks in accessible cottages for families with a disabled child.',
  'Accessible Glamping': 'Accessible cabins with level paths, a hoist and a Changing Places toilet on site.',
};
