// Sentences from one member's note, checked against the other members of the group.
// `expect` lists the exact substrings that must be flagged, in order; [] means nothing may be flagged.

export interface Member {
  name: string;
  nickname?: string;
}

export interface ConfidentialityCase {
  text: string;
  /** Defaults to GROUP. */
  others?: Member[];
  expect: string[];
  kinds?: string[];
  suggestions?: string[];
}

/** A twelve-member group with plain names, names that are words (Hope, Will, Grace, Mark…), nicknames. */
export const GROUP: Member[] = [
  { name: 'Dana Reyes' },
  { name: 'Marcus Thompson', nickname: 'Marc' },
  { name: 'Hope Garcia' },
  { name: 'Will Patterson', nickname: 'Billy' },
  { name: 'Grace Kim' },
  { name: 'Mark Rose' },
  { name: 'Joy Martinez' },
  { name: 'Faith Okafor' },
  { name: 'Robert Lee', nickname: 'Bob' },
  { name: 'May Sullivan' },
  { name: 'Art Nowak' },
  { name: 'Sam Ingram' },
];

export const confidentialityCorpus: ConfidentialityCase[] = [
  // ---- plain names, any case ----
  { text: 'Client sat next to Dana during the check-in.', expect: ['Dana'], kinds: ['first-name'], suggestions: ['another group member'] },
  { text: 'Client and Reyes discussed relapse triggers.', expect: ['Reyes'], kinds: ['last-name'] },
  { text: 'Client disagreed with Dana Reyes about the homework.', expect: ['Dana Reyes'], kinds: ['full-name'] },
  { text: 'dana offered the client a ride home.', expect: ['dana'], suggestions: ['Another group member'] },
  { text: 'Client laughed when DANA told a story.', expect: ['DANA'] },
  { text: 'Client reported Marcus was absent last week.', expect: ['Marcus'], kinds: ['first-name'] },
  { text: 'Client reported marcus thompson texted her.', expect: ['marcus thompson'], kinds: ['full-name'] },
  { text: 'Client reported that Marc made her laugh.', expect: ['Marc'], kinds: ['nickname'] },
  { text: 'Client saw Marc Thompson in the lobby.', expect: ['Marc', 'Thompson'], kinds: ['nickname', 'last-name'] },
  { text: 'Client disagreed with Billy about medication.', expect: ['Billy'], kinds: ['nickname'] },
  { text: 'Client and Sam practiced a role play.', expect: ['Sam'] },
  { text: 'Client spoke with Nowak before group.', expect: ['Nowak'] },
  { text: 'Client and Sullivan discussed boundaries.', expect: ['Sullivan'] },
  { text: 'Client sat near Martinez and Okafor.', expect: ['Martinez', 'Okafor'] },
  { text: 'Client reported that Garcia is moving to another city.', expect: ['Garcia'] },
  { text: 'Dana, Marcus and Grace arrived late; client was on time.', expect: ['Dana', 'Marcus', 'Grace'] },
  { text: 'Dana arrived first. Later, dana and DANA’s friend left.', expect: ['Dana', 'dana', 'DANA’s'] },

  // ---- full names: one finding, across spacing and line breaks ----
  { text: 'Client spoke with Dana\nReyes after group ended.', expect: ['Dana\nReyes'], kinds: ['full-name'] },
  { text: 'Client thanked Dana  Reyes for the feedback.', expect: ['Dana  Reyes'] },
  { text: 'Client spoke to Grace Kim.', expect: ['Grace Kim'], kinds: ['full-name'] },
  { text: 'Client spoke to GRACE KIM.', expect: ['GRACE KIM'] },
  { text: 'Client sat with Hope Garcia during the exercise.', expect: ['Hope Garcia'] },
  { text: 'Client hugged Faith Okafor at the end of group.', expect: ['Faith Okafor'] },
  { text: 'Client praised Dana M. Reyes for her honesty.', expect: ['Dana M. Reyes'], kinds: ['full-name'] },
  { text: 'Client sat with Dana R. at break.', expect: ['Dana R.'], kinds: ['full-name'], suggestions: ['another group member'] },
  { text: 'Client spoke with Dana R.', expect: ['Dana R.'], suggestions: ['another group member.'] },
  { text: 'Client said she trusts D. Reyes more now.', expect: ['D. Reyes'], kinds: ['full-name'] },
  { text: 'Client and Robert\r\nLee role-played a phone call.', expect: ['Robert\r\nLee'] },

  // ---- possessives, straight and curly ----
  { text: "Client borrowed Dana's workbook.", expect: ["Dana's"], kinds: ['possessive'], suggestions: ["another group member's"] },
  { text: 'Client borrowed Dana’s workbook.', expect: ['Dana’s'], kinds: ['possessive'] },
  { text: "Client commented on Reyes' progress.", expect: ["Reyes'"], kinds: ['possessive'] },
  { text: 'Client commented on Reyes’ progress.', expect: ['Reyes’'], kinds: ['possessive'] },
  { text: "Client commented on Reyes's progress.", expect: ["Reyes's"], kinds: ['possessive'] },
  { text: 'Client said Dana’s and Marcus’ sponsors attended.', expect: ['Dana’s', 'Marcus’'] },
  { text: "Client reported Ingram's story resonated with her.", expect: ["Ingram's"] },
  { text: "Client mentioned Kim's advice about sleep.", expect: ["Kim's"] },
  { text: "Client mentioned Mark Rose's new job.", expect: ["Mark Rose's"], kinds: ['possessive'] },
  { text: "Client said Hope's daughter is sick.", expect: ["Hope's"], kinds: ['possessive'] },
  { text: 'Client said May’s sister is in treatment.', expect: ['May’s'] },
  { text: "Client stated Will's sponsor called him.", expect: ["Will's"] },
  { text: "Dana's car broke down, so client gave her a ride.", expect: ["Dana's"], suggestions: ["Another group member's"] },
  // "'s" as "has"/"is" keeps the ending outside the finding, so the replacement reads "another group member's been".
  { text: "Client said that Dana's been struggling.", expect: ['Dana'], kinds: ['first-name'] },
  { text: "Client said Marcus's not coming back.", expect: ['Marcus'] },
  { text: "Hope's been struggling, client said.", expect: ['Hope'], kinds: ['first-name'], suggestions: ['Another group member'] },
  { text: "Client said hope's been hard to find.", expect: [] },
  // A name inside single quotes is not a possessive.
  { text: "Client used the word 'Reyes' as an example.", expect: ['Reyes'], kinds: ['last-name'] },

  // ---- initials ----
  { text: 'Client sat with D.R. during the exercise.', expect: ['D.R.'], kinds: ['initials'], suggestions: ['another group member'] },
  { text: 'Client sat with D. R. during the exercise.', expect: ['D. R.'], kinds: ['initials'] },
  { text: 'Client and DR completed the worksheet together.', expect: ['DR'], kinds: ['initials'] },
  { text: 'DR arrived late.', expect: ['DR'], suggestions: ['Another group member'] },
  { text: "Client said D.R.'s advice helped.", expect: ["D.R.'s"], kinds: ['possessive'] },
  { text: 'Client sat next to D.R. Then she left early.', expect: ['D.R.'], suggestions: ['another group member.'] },
  { text: 'Client spoke with D.R.', expect: ['D.R.'], suggestions: ['another group member.'] },
  { text: 'Client credited MT with the idea.', expect: ['MT'] },
  { text: 'Client and HG talked at the break.', expect: ['HG'] },
  { text: 'Client sat with A.N. today.', expect: ['A.N.'] },
  { text: 'Client reported her dr appointment went well.', expect: [] },
  { text: 'Client has a Dr. appointment tomorrow.', expect: [] },
  { text: 'Client noted that Mt. Hood was visible from the clinic.', expect: [] },
  // Initials that are clinical abbreviations (Sam Ingram → SI) or English words (Art Nowak → AN) are not flagged bare.
  { text: 'Client denies SI/HI and reports improved sleep.', expect: [] },
  { text: 'CLIENT ATE AN APPLE DURING THE BREAK.', expect: [] },

  // ---- substrings must not match ----
  { text: 'Client mentioned Danae from work and her friend Adana.', expect: [] },
  { text: 'Client discussed Danaher stock and the Reyesville trip.', expect: [] },
  { text: 'Client described a time with Kimberly.', expect: [] },
  { text: 'Client enjoys Marcusville events.', expect: [] },
  { text: 'Client was hopeful, graceful and willing to share.', expect: [] },
  { text: 'Client marked the date and joyfully shared it.', expect: [] },

  // ---- names that are words, used as words ----
  { text: 'Client expressed hope about finding housing.', expect: [] },
  { text: 'Client will attend the next session.', expect: [] },
  { text: 'By the grace of her sponsor, client stayed sober.', expect: [] },
  { text: 'Client made a mark on the timeline worksheet.', expect: [] },
  { text: 'Client paid the electric bill this week.', expect: [] },
  { text: 'Client described the joy of seeing her children.', expect: [] },
  { text: 'Client stated that faith is an important support.', expect: [] },
  { text: 'Client brought a rose from her garden.', expect: [] },
  { text: 'Client enjoys art and music.', expect: [] },
  { text: 'Client woke at dawn to go to work.', expect: [] },
  { text: 'Client has a court date in May.', expect: [] },
  { text: 'Client’s anniversary is May 12.', expect: [] },
  { text: 'Client will start a new job next May.', expect: [] },
  { text: 'Client described a strong will to stay sober.', expect: [] },
  { text: 'Client will continue to attend group weekly.', expect: [] },
  { text: 'Client said her sponsor will mark the date.', expect: [] },
  { text: 'Client said mark rose early today.', expect: [] },
  { text: 'Client spoke of the joy she felt.', expect: [] },
  { text: 'Client said she is working on patience.', expect: [] },
  // Sentence-initial word-names need a name signal after them (a reporting verb, "was/is" + a person-like
  // complement, "and" + a member, a possessive); "Will" + a base verb is the modal.
  { text: 'Will continue to attend group weekly.', expect: [] },
  { text: 'May benefit from a referral to vocational services.', expect: [] },
  { text: 'Hope was expressed by several members.', expect: [] },
  { text: 'Joy was evident when client shared her news.', expect: [] },
  { text: 'Art therapy was used to explore emotions.', expect: [] },
  { text: 'Art was used as a coping skill.', expect: [] },
  { text: 'Grace period for rent was discussed.', expect: [] },
  { text: 'Faith-based supports were identified.', expect: [] },
  { text: 'Client said, "Hope is what keeps me going."', expect: [] },
  { text: 'Faith is a source of strength for the client.', expect: [] },
  { text: 'Faith has been a theme for the client this month.', expect: [] },
  { text: 'Faith has been sober for a year, the client noted.', expect: ['Faith'] },
  { text: 'Topic: Hope and Healing.', expect: [] },
  // Capitalised inside another proper noun or a title.
  { text: 'Client attended a meeting at Hope House.', expect: [] },
  { text: 'Client plans to attend New Hope Church.', expect: [] },
  { text: 'Client used a Mark Twain quote in her reflection.', expect: [] },
  { text: 'Group listened to Amazing Grace during the mindfulness exercise.', expect: [] },

  // ---- names that are words, used as names ----
  { text: 'Hope said she felt left out.', expect: ['Hope'], kinds: ['first-name'], suggestions: ['Another group member'] },
  { text: 'Client told Hope about her weekend.', expect: ['Hope'] },
  { text: 'Client and Will role-played a phone call.', expect: ['Will'] },
  { text: 'Client thanked Grace for her support.', expect: ['Grace'] },
  { text: 'Mark shared a story about his father.', expect: ['Mark'] },
  { text: 'Joy and Faith arrived late.', expect: ['Joy', 'Faith'] },
  { text: 'Joy was quiet today.', expect: ['Joy'] },
  { text: 'May said the group helped.', expect: ['May'] },
  { text: 'Art reported a relapse over the weekend.', expect: ['Art'] },
  { text: 'Client gave Art feedback on his goal.', expect: ['Art'] },
  { text: 'Hope then said she was proud of the client.', expect: ['Hope'] },
  { text: 'Client said that hope said she would call.', expect: ['hope'] },
  { text: "Client said hope's daughter is sick.", expect: ["hope's"] },
  { text: 'HOPE SAID SHE FELT SUPPORTED.', expect: ['HOPE'] },
  { text: 'Client told HOPE about the meeting.', expect: ['HOPE'] },
  { text: 'CLIENT WAS ENGAGED. SHE TOLD MARK ABOUT HER WEEKEND. WILL CONTINUE GROUP. HOPE WAS A THEME.', expect: ['MARK'] },
  { text: 'Client and peer (Dana) did a role play.', expect: ['Dana'], suggestions: ['another group member'] },
  { text: 'Client left early. (Dana stayed.)', expect: ['Dana'], suggestions: ['Another group member'] },
  { text: 'Client said "Mark my words, I am staying sober."', expect: [] },
  { text: 'Client sat between Robert and Bob.', expect: ['Robert', 'Bob'] },
  { text: 'Client said Lee was supportive.', expect: ['Lee'] },
  { text: 'Client said Ms. Lee was supportive.', expect: ['Lee'] },
  { text: 'Client thanked Joy.', expect: ['Joy'] },
  { text: 'Client and Mark had a frank conversation.', expect: ['Mark'] },
  { text: 'Client will meet with Will after group.', expect: ['Will'] },
  { text: 'Grace and Dana left early; Will and Hope stayed.', expect: ['Grace', 'Dana', 'Will', 'Hope'] },
  { text: 'Client said Mark Rose was kind to her.', expect: ['Mark Rose'], kinds: ['full-name'] },
  { text: 'Client said Faith was absent in May.', expect: ['Faith'] },
  { text: 'Client and Sullivan talked about May, who was absent.', expect: ['Sullivan', 'May'] },

  // ---- line starts, bullets and quotes: capitalised suggestion ----
  { text: 'Client arrived late.\nDana offered her a seat.', expect: ['Dana'], suggestions: ['Another group member'] },
  { text: '- Marcus shared his goal.', expect: ['Marcus'], suggestions: ['Another group member'] },
  { text: 'Client said, "Dana helped me."', expect: ['Dana'], suggestions: ['Another group member'] },
  { text: 'Client said Dana helped her.', expect: ['Dana'], suggestions: ['another group member'] },

  // ---- other groups ----
  { text: 'Client expressed hope that Hope would return.', others: [{ name: 'Hope' }], expect: ['Hope'] },
  { text: 'Client talked with Jose Pena after group.', others: [{ name: 'José Peña' }], expect: ['Jose Pena'], kinds: ['full-name'] },
  { text: 'José said the client seemed calmer.', others: [{ name: 'José Peña' }], expect: ['José'] },
  {
    text: 'Client said Garcia-Lopez helped her. Lopez also called.',
    others: [{ name: 'Maria Garcia-Lopez' }],
    expect: ['Garcia-Lopez', 'Lopez'],
  },
  { text: 'Client said O’Neil was kind.', others: [{ name: "Sean O'Neil" }], expect: ['O’Neil'] },
  { text: 'Dana said hello.', others: [], expect: [] },
  { text: 'Summer said she is moving.', others: [{ name: 'Summer Lane' }], expect: ['Summer'] },
  { text: 'Client plans to travel in Summer.', others: [{ name: 'Summer Lane' }], expect: [] },
  { text: 'Client walked down the lane with Summer Lane.', others: [{ name: 'Summer Lane' }], expect: ['Summer Lane'] },
  { text: 'Client noticed a ray of light. Ray sat nearby.', others: [{ name: 'Ray Fields' }], expect: ['Ray'] },
  { text: 'Client saw a robin outside the hall window.', others: [{ name: 'Robin Hall' }], expect: [] },
  { text: 'Client read with Robin in the hall.', others: [{ name: 'Robin Hall' }], expect: ['Robin'] },
  { text: 'Client said the water was crystal clear.', others: [{ name: 'Crystal Banks' }], expect: [] },
  { text: 'Crystal reported improved sleep.', others: [{ name: 'Crystal Banks' }], expect: ['Crystal'] },
  { text: 'Client used a jack to fix her car after the frost.', others: [{ name: 'Jack Frost' }], expect: [] },
  { text: 'Client talked about destiny and purpose.', others: [{ name: 'Destiny Wells' }], expect: [] },
  { text: 'Drew a picture of her safe place.', others: [{ name: 'Drew Hunter' }], expect: [] },
  { text: 'Client drew a picture of her safe place.', others: [{ name: 'Drew Hunter' }], expect: [] },
  { text: 'Drew said he liked the exercise.', others: [{ name: 'Drew Hunter' }], expect: ['Drew'] },
  { text: 'Client saved every penny despite the price of rent.', others: [{ name: 'Penny Price' }], expect: [] },
  { text: 'Client enjoyed the sunny weather.', others: [{ name: 'Sunita Rao', nickname: 'Sunny' }], expect: [] },
  { text: 'Sunny asked the client a question.', others: [{ name: 'Sunita Rao', nickname: 'Sunny' }], expect: ['Sunny'] },
  { text: 'Client sat near Rao and Sunita.', others: [{ name: 'Sunita Rao', nickname: 'Sunny' }], expect: ['Rao', 'Sunita'] },
  { text: 'Client listened to a melody and felt calm.', others: [{ name: 'Melody Stone' }], expect: [] },
  { text: 'Client and Melody set a stone in the garden.', others: [{ name: 'Melody Stone' }], expect: ['Melody'] },
  { text: 'Client said DJ was supportive.', others: [{ name: 'David Jones', nickname: 'DJ' }], expect: ['DJ'] },
  { text: 'Client and Al practiced the skill.', others: [{ name: 'Al Brooks' }], expect: ['Al'] },
  { text: 'Client cited Smith et al. in her essay.', others: [{ name: 'Al Brooks' }], expect: [] },
  { text: 'Client and Dana Reyes Jr. talked.', others: [{ name: 'Dana Reyes Jr.' }], expect: ['Dana Reyes'] },
];
