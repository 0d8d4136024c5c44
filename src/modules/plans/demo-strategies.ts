// The demo partnership's strategies, from two published Southwark papers (see demo-data/plans/README.md).

export const VIOLENT_CRIME_STRATEGY = {
  title: 'Safer Southwark Partnership Violent Crime Strategy 2010-15',
  period: '2010–2015',
  status: 'superseded',
  adoptedBy: 'Southwark Cabinet',
  vision:
    'To reduce violent crime in Southwark through five priorities, with an annual report to cabinet on progress.',
  strategicAims: [],
  priorities: [
    {
      title: 'Low level violence',
      keyRecommendations: [
        'Establish a multi agency programme, including increasing the visible uniformed presence, focused over the summer period, in the north of the borough on Fridays and Saturdays and involving communities and businesses.',
      ],
    },
    {
      title: 'Robbery',
      keyRecommendations: [
        'Realign partnership resources to concentrate on after school hours and late evenings, the two peak periods for personal robbery.',
        'Create “safe routes” for pupils between schools and the Elephant and Castle/neighbouring estates, involving local services and residents.',
      ],
    },
    {
      title: 'Serious violence - including group and weapon violence',
      keyRecommendations: [
        'Develop multi agency approach on a clearly defined area focusing on the estates and connected illegal economy.',
        'Ensure early intervention is targeted at those most at risk of committing serious violent crime and that exit programmes enable people to make decisions to move away from serious violence lifestyles.',
        'A single multi agency scaled approach to enforcement and support that utilises the range of resources within the borough.',
        'Base the scaled approach model on a shared agreement around risk, intervention and intelligence, sharing and targeted at those individuals who are agreed as posing a significant risk.',
      ],
    },
    {
      title: 'Violence against women and girls - including relationship violence',
      keyRecommendations: [
        'Provision for domestic violence and sexual offences is reconfigured in line with recommendations of the SSP and Children’s and Families Trust review of domestic abuse services, due to conclude in December 2010.',
      ],
    },
    {
      title: 'Addressing violent offenders',
      keyRecommendations: [
        'To review and improve current arrangements for identifying and supporting young people and adults (Risk Management Panel, Multi Agency Public Protection Arrangements and Priority and Prolific Offenders) to ensure offenders are managed by the most appropriate scheme locally. To include transitional arrangements for those moving from young person to adult services.',
        'To agree a shared risk assessment framework to ensure we target our partnership resources at key individuals effectively and to maximise the resources at our disposal.',
      ],
    },
  ],
}

export const PARTNERSHIP_PLAN_2017_20 = {
  title: 'Southwark Community Safety Partnership Plan 2017-2020',
  period: '2017–2020',
  status: 'adopted',
  adoptedBy: 'Southwark Safeguarding Adults Board',
  vision:
    'To reduce crime, anti-social behaviour, fear of crime and substance misuse in Southwark, closing the gap with the London average, through eight areas prioritised by the strategic assessment.',
  strategicAims: [],
  priorities: [
    {
      title: 'Tackling Violence Against Women and Girls (VAWG)',
      objectives: [
        'A clear statement of intent that abuse is not acceptable regardless of gender or sexuality',
        'Challenging the normalisation of domestic abuse',
        'Ensuring that survivors take control of their lives by providing support for those who need it, in the settings where they feel most comfortable seeking it',
        'Taking tough action on those who perpetrate abuse',
        'Ensure agencies work together to get it right first time',
      ],
      focus: [
        'Prevention and awareness: aim to “get it right first time” by providing support and clear referral pathways, and expansion of Domestic Abuse Champions',
        'Early identification and support: establish a health based intervention model and an integrated support service for complex cases',
        'Enforcement: take action against perpetrators; establish a multi agency enforcement approach against persistent perpetrators',
        'Carry out an annual needs assessment',
      ],
      keyRecommendations: [
        'Providing key domestic abuse training, including Champions training and IRIS training to GP practices',
        'Introduction of a Women’s Safety Charter for licensed premises across the borough',
        'Monthly MARAC meetings to ensure that victims have a safety plan in place and are fully supported',
        'Raise awareness of domestic abuse through a targeted communications campaign',
      ],
    },
    {
      title: 'Tackling Youth Violence including Knife Crime and Knife Carrying',
      objectives: [
        'Prevent offending and reoffending by young people',
        'Reduce serious youth violence',
        'Reduce the number of young victims',
        'Increase positive outcomes for young people involved with or at risk of serious youth crime',
      ],
      focus: [
        'Develop an integrated approach to targeted work with young people at risk',
        'Tackle recidivism among young people involved in serious youth violence',
        'Target early intervention at those most at risk of committing violent crime',
        'Continue to develop and improve the multi-agency approach to enforcement and support, including how to identify those posing the most risk',
      ],
      keyRecommendations: [
        'Engage young people with mentoring and rehabilitation through SAVU and other multi-agency programmes',
        'Increase access to mainstream employment opportunities',
        'Review support for young offenders transitioning to adult services',
        'Complete a data and service review of SAVU to inform future delivery',
      ],
    },
    {
      title: 'Reducing Substance Misuse',
      objectives: [
        'Identify children and young people affected by parental or sibling substance misuse, and take action to reduce harms and improve life chances',
        'Restrict the supply of drugs and identify and prosecute those involved in the drug trade',
      ],
      focus: [
        'Treatment and commissioning for children and young people with familial substance misuse',
        'Early intervention and prevention across the borough',
      ],
      keyRecommendations: [
        'Minimise the impact of changes to the treatment system, working with providers and service user groups',
        'Review and direct substance misuse treatment in line with the needs assessment and JSNA findings',
      ],
    },
    {
      title: 'Reducing Reoffending',
      objectives: [
        'Reduce reoffending',
        'Increase positive outcomes including housing and ETE (education, training, employment) for repeat offenders',
        'Reduce harm to the community',
      ],
      focus: [
        'Tackle recidivism amongst the most prolific offenders and those causing the most harm',
        'Engage those at high risk of offending and reoffending',
      ],
      keyRecommendations: [
        'Increase access to mainstream employment opportunities for ex-offenders',
        'Provide rehabilitative support for the most prolific offenders through IOM',
        'Complete a data and service review of IOM',
        'Increase take up of substance misuse treatment by ex-offenders',
      ],
    },
    {
      title: 'Tackling Anti Social Behaviour',
      objectives: [
        'Take a victim centred approach, signposting vulnerable victims to support agencies, risk assessed through Community MARAC',
        'Early intervention in cases of low-level ASB to avoid escalation',
        'A multi-agency approach to ASB affecting the wider community',
      ],
      focus: [
        'Place victims and witnesses at the centre of our strategy',
        'Target our resources at the individuals and families who impact most on ASB',
        'Increase reporting of ASB and information sharing',
        'Increase the capacity of the partnership to take coordinated enforcement action',
      ],
      keyRecommendations: [
        'Managing and prioritising risk: repeat callers and repeat victims, Community Trigger, Community MARAC',
        'Coordinated information sharing and enforcement using the new powers',
      ],
    },
    {
      title: 'Child Sexual Exploitation',
      objectives: [
        'Prevent the occurrence of CSE',
        'Build intelligence and develop a problem profile of CSE locally',
        'Provide support which is timely and effective for victims of CSE',
        'Disrupt the activities of perpetrators',
        'Prosecute perpetrators',
      ],
      focus: [
        'Prevent CSE from occurring in Southwark and to children from Southwark',
        'Quickly identify the victims, perpetrators, models and locations involved',
      ],
      keyRecommendations: [
        'Training for staff and awareness raising in schools',
        'Robust monitoring of children missing from home, school and care',
        'MASE meeting to use the problem profile to plan disruptions',
      ],
    },
    {
      title: 'Prevent',
      objectives: [
        'Prevent and support vulnerable people being drawn into terrorism, with police, schools, prisons and health',
      ],
      focus: [
        'Engage key community influencers to drive the Prevent programme locally',
        'Support agencies and partners to apply the Prevent duty',
        'Deny extremists fundraising and platforms in public spaces',
      ],
      keyRecommendations: [
        'Develop and deliver a community based Prevent presentation',
        'Channel: the multi-agency panel supporting individuals vulnerable to radicalisation',
      ],
    },
    {
      title: 'Hate Crime',
      objectives: [
        'Tackle criminal offences motivated by hatred of someone’s race, religion, gender identity, sexual orientation, disability or age',
      ],
      focus: [
        'Promote the support services available',
        'Encourage people to report and seek support',
        'A robust approach to perpetrators',
      ],
      keyRecommendations: [
        'Develop a shared understanding of what a hate crime is',
        'Develop hate crime communication messages using technology',
      ],
    },
  ],
}
