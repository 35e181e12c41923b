/**
 * The Local Offer's information pages: the statutory content that is not a service (SEND Regulations 2014,
 * Schedule 2): how to ask for an assessment, complaints and appeals, personal budgets, preparing for adulthood,
 * transport, and the information, advice and support service.
 *
 * Written for a reading age of about 9: short sentences, everyday words, "you" for the reader. Every acronym is
 * spelled out the first time a page uses it, with the short form in brackets, and `information-pages.test.ts`
 * checks that. Local details (names, phone numbers) come from `LocalContacts`, so the pages fit any authority.
 */

import { paths } from '../../platform/web/paths.ts';

export interface InformationSection {
  readonly heading: string;
  readonly paragraphs: readonly string[];
  /** Things to do in order (a numbered list). */
  readonly steps?: readonly string[];
  /** A bulleted list. */
  readonly bullets?: readonly string[];
  /** A link after the section's text (to a page of the service, such as the online request). */
  readonly link?: { readonly text: string; readonly href: string };
}

export interface InformationPage {
  readonly slug: string;
  readonly title: string;
  /** One or two sentences for the top of the page and for search results. */
  readonly summary: string;
  readonly sections: readonly InformationSection[];
}

export interface LocalContacts {
  readonly areaName: string;
  readonly councilName: string;
  readonly sendiassPhone: string;
  readonly sendiassEmail: string;
  readonly sendiassWebsite: string;
  readonly parentCarerForumName: string;
  readonly localOfferEmail: string;
}

export const INFORMATION_PAGE_SLUGS = [
  'ask-for-an-assessment',
  'complaints-and-appeals',
  'personal-budgets',
  'preparing-for-adulthood',
  'transport',
  'information-advice-and-support',
] as const;
export type InformationPageSlug = (typeof INFORMATION_PAGE_SLUGS)[number];

/** The pages, in the order the Local Offer lists them. */
export function informationPages(local: LocalContacts): InformationPage[] {
  const c = local.councilName;
  const iass = `Phone ${local.sendiassPhone}, email ${local.sendiassEmail}, or go to ${local.sendiassWebsite}.`;
  return [
    {
      slug: 'ask-for-an-assessment',
      title: 'How to ask for an assessment of your child’s needs',
      summary:
        'If your child needs more help than their school or nursery can give, you can ask the council to look at their needs. This is called an assessment.',
      sections: [
        {
          heading: 'What an assessment is',
          paragraphs: [
            'An education, health and care (EHC) needs assessment is when the council looks closely at what your child finds hard and what help they need.',
            'It can lead to an EHC plan. An EHC plan is a legal paper. It says what help your child must get.',
            'Most children with special educational needs and disabilities (SEND) get help from their school without an EHC plan.',
          ],
        },
        {
          heading: 'Who can ask',
          paragraphs: ['You can ask. You do not need the school to agree first.'],
          bullets: [
            'Parents and carers can ask.',
            'Young people aged 16 to 25 can ask for themselves.',
            'A school, nursery or college can ask. They should talk to you first.',
          ],
        },
        {
          heading: 'Ask online',
          paragraphs: [
            'You can ask online. It takes about 10 minutes. Your answers are saved as you go.',
            'First, sign in. If you do not have an account, contact the council and ask for one.',
            'You will need to tell us:',
          ],
          bullets: [
            'your child’s name, date of birth and school',
            'what your child finds hard',
            'what help they get now',
            'who else helps them, such as a teacher or a doctor',
          ],
          link: { text: 'Ask for an assessment online', href: paths.assessments.request },
        },
        {
          heading: 'Ask by email or letter',
          paragraphs: ['You can also write to the council instead.'],
          steps: [
            `Write to ${c} by email or letter. Say you are asking for an EHC needs assessment.`,
            'Say what your child finds hard and what help they get now.',
            'Send copies of any reports you have, such as letters from doctors or the school.',
            'Keep a copy of what you send and write down the date.',
          ],
        },
        {
          heading: 'What happens next',
          paragraphs: [
            'The council must tell you within 6 weeks if it will do the assessment.',
            'If it says yes, it asks people who know your child for advice. This includes you and your child.',
            'The whole process, up to a final EHC plan, should take no more than 20 weeks.',
            'If the council says no, you can appeal. Read the page on complaints and appeals.',
          ],
        },
        {
          heading: 'Getting help',
          paragraphs: [
            `The Special Educational Needs and Disabilities Information, Advice and Support Service (SENDIASS) can help you ask. It is free. ${iass}`,
          ],
        },
      ],
    },
    {
      slug: 'complaints-and-appeals',
      title: 'Complaints and appeals',
      summary:
        'What to do if you are not happy with a decision or a service. There are different ways to sort it out.',
      sections: [
        {
          heading: 'Talk to someone first',
          paragraphs: [
            'Most problems get sorted by talking. Speak to the person or team you are not happy with.',
            'You can bring someone with you. The Special Educational Needs and Disabilities Information, Advice and Support Service (SENDIASS) can come too.',
          ],
        },
        {
          heading: 'Making a complaint',
          paragraphs: [
            'If talking does not work, you can make a complaint. Each place has its own way to complain.',
          ],
          bullets: [
            'About a school: use the school’s complaints policy. Ask the school office for it.',
            `About the council: use the ${c} complaints form, or write to the council.`,
            'About health services: contact the National Health Service (NHS) service first, then the patient advice team.',
          ],
        },
        {
          heading: 'Mediation',
          paragraphs: [
            'Mediation is a meeting with someone who does not take sides. They help you and the council agree.',
            'It is free. You must think about mediation before most appeals. The mediation service gives you a paper to say you did.',
          ],
        },
        {
          heading: 'Appeals to the tribunal',
          paragraphs: [
            'A tribunal is a kind of court. It is less formal than other courts. You do not need a lawyer.',
            'You usually have 2 months from the date of the council’s letter to appeal. If you go to mediation, you get more time.',
          ],
          bullets: [
            'You can appeal if the council will not assess your child.',
            'You can appeal if it will not make an education, health and care (EHC) plan.',
            'You can appeal if you do not agree with what the plan says.',
          ],
        },
        {
          heading: 'Getting help',
          paragraphs: [`SENDIASS can explain your choices and help you fill in forms. ${iass}`],
        },
      ],
    },
    {
      slug: 'personal-budgets',
      title: 'Personal budgets',
      summary:
        'A personal budget is money for your child’s support. You can have a say in how it is spent, or spend it yourself.',
      sections: [
        {
          heading: 'What a personal budget is',
          paragraphs: [
            'If your child has an education, health and care (EHC) plan, or is getting one, you can ask for a personal budget.',
            'It is an amount of money to pay for some of the help in the plan.',
          ],
        },
        {
          heading: 'Ways to get it',
          paragraphs: [],
          bullets: [
            'Direct payment: the money is paid to you. You buy the help and keep receipts.',
            'Managed for you: the council or school holds the money. They buy the help you choose.',
            'A mix of the two.',
          ],
        },
        {
          heading: 'What you can spend it on',
          paragraphs: [
            'You can spend it on help that is in the plan. For example, a personal assistant, a club, or therapy.',
            'You cannot spend it on things the school must give anyway.',
          ],
        },
        {
          heading: 'How to ask',
          paragraphs: [
            `Ask your EHC plan worker at ${c}. You can ask when the plan is being written or at the yearly review.`,
            `The Special Educational Needs and Disabilities Information, Advice and Support Service (SENDIASS) can help. ${iass}`,
          ],
        },
      ],
    },
    {
      slug: 'preparing-for-adulthood',
      title: 'Growing up and preparing for adult life',
      summary:
        'Help for young people aged 14 to 25 to plan for work, money, a home, friends and good health.',
      sections: [
        {
          heading: 'When planning starts',
          paragraphs: [
            'Planning starts in Year 9, when you are about 14. If you have an education, health and care (EHC) plan, your review that year will talk about your future.',
            'You will be asked what you want. Your views matter most.',
          ],
        },
        {
          heading: 'What you can plan for',
          paragraphs: [],
          bullets: [
            'Work: college courses, apprenticeships, supported internships and jobs.',
            'Living on your own or with support.',
            'Friends, clubs and being part of your community.',
            'Staying healthy, and moving from children’s to adult health services.',
            'Money: benefits you may be able to get at 16 and 18.',
          ],
        },
        {
          heading: 'What changes at 16 and 18',
          paragraphs: [
            'At 16, you can make more choices for yourself. You can ask for an assessment or appeal in your own name.',
            'At 18, adult social care may help you instead of children’s services. Ask about this by the time you are 17.',
            'An EHC plan can carry on up to age 25 if you are still learning.',
          ],
        },
        {
          heading: 'Getting help',
          paragraphs: [
            `The Special Educational Needs and Disabilities Information, Advice and Support Service (SENDIASS) helps young people too, not just parents. ${iass}`,
            `Search the ${local.areaName} Local Offer for "preparing for adulthood" to find courses and clubs.`,
          ],
        },
      ],
    },
    {
      slug: 'transport',
      title: 'Help with getting to school or college',
      summary:
        'Some children and young people can get free travel to school or college because of their special educational needs or disability.',
      sections: [
        {
          heading: 'Who can get help',
          paragraphs: [
            'Your child may get free travel if they cannot walk to school because of their special educational needs and disabilities (SEND), even with an adult.',
            'They may also get help if the school is too far to walk to.',
          ],
        },
        {
          heading: 'What help there is',
          paragraphs: [],
          bullets: [
            'A bus pass.',
            'A seat on a shared bus or taxi, with a trained helper if needed.',
            'Money for petrol if you drive your child.',
            'Travel training, to learn to travel on their own.',
          ],
        },
        {
          heading: 'How to apply',
          paragraphs: [],
          steps: [
            `Fill in the travel form on the ${c} website. Ask for a paper form if you need one.`,
            'Apply as soon as you know the school. For a new school year, apply by the end of May.',
            'The council will write to tell you its decision.',
          ],
        },
        {
          heading: 'If you are 16 or older',
          paragraphs: [
            'The rules are different after 16. The council publishes a yearly travel policy for young people aged 16 to 25. You may need to pay something.',
          ],
        },
        {
          heading: 'If you do not agree',
          paragraphs: [
            `You can ask the council to look again. Write within 20 working days of its letter. The Special Educational Needs and Disabilities Information, Advice and Support Service (SENDIASS) can help. ${iass}`,
          ],
        },
      ],
    },
    {
      slug: 'information-advice-and-support',
      title: 'Free advice and support',
      summary:
        'A free service that gives advice about special educational needs and disabilities. It does not take sides.',
      sections: [
        {
          heading: 'What the service does',
          paragraphs: [
            'The Special Educational Needs and Disabilities Information, Advice and Support Service (SENDIASS) gives free advice about special educational needs and disabilities (SEND).',
            'It is confidential. That means it will not share what you say without asking you, unless someone is at risk of harm.',
            'It is run separately from the council and does not take sides.',
          ],
        },
        {
          heading: 'Who it is for',
          paragraphs: [],
          bullets: [
            'Parents and carers of children aged 0 to 25.',
            'Children and young people up to age 25.',
          ],
        },
        {
          heading: 'What it can help with',
          paragraphs: [],
          bullets: [
            'Understanding the help your school should give.',
            'Asking for an education, health and care (EHC) needs assessment.',
            'Getting ready for meetings and reviews. Someone can come with you.',
            'Complaints, mediation and appeals.',
          ],
        },
        {
          heading: 'How to get in touch',
          paragraphs: [iass, `You can also meet other families through the ${local.parentCarerForumName}.`],
        },
        {
          heading: 'Tell us what you think',
          paragraphs: [
            `Tell us if something on the Local Offer is wrong or missing. Email ${local.localOfferEmail}. We publish what you said and what we did about it.`,
          ],
        },
      ],
    },
  ];
}

/** All the text of a page, in reading order: title, summary, then each section's heading and text. */
export function pageText(page: InformationPage): string {
  return [
    page.title,
    page.summary,
    ...page.sections.flatMap((s) => [
      s.heading,
      ...s.paragraphs,
      ...(s.steps ?? []),
      ...(s.bullets ?? []),
      ...(s.link ? [s.link.text] : []),
    ]),
  ].join('\n');
}
