//! The templates a journal comes with, written from the mentorship guides the product is built
//! on: the first meeting sets goals and how often and how to meet; check-ins go through what was
//! done since; feedback on a task is most useful in the mentor's own words and turned into what to
//! change; career advice records the mentor's experience as well as the advice; ending a
//! relationship is fine and worth a look back.
//!
//! The text lives here, not in the migration, so the same words seed a new journal and restore a
//! built-in the user deleted. Prompts end in a colon and leave the answer to the trainee; the
//! suggested takeaways are the lines a note of that kind is usually worth keeping.

pub(crate) struct Builtin {
    pub key: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    pub body: &'static str,
    pub takeaways: &'static [&'static str],
}

pub(crate) const BUILTINS: &[Builtin] = &[
    Builtin {
        key: "first_meeting",
        name: "First meeting",
        description: "Goals and expectations, how often and how to meet.",
        body: "## Why this mentor
- What I hope they can help with (clinical skills, research, career, work-life balance):
- What they said they can offer, and what they cannot:

## Goals
- My goals for the next 6 to 12 months, as specific as I can make them:
- What success looks like by the end of this rotation or year:
- Where they think I should start:

## How we will meet
- How often (for example, at least an hour every month):
- How: in person, a call, coffee after rounds, email:
- Who books the next meeting, and how far ahead:
- How to reach them between meetings, and for what:

## Expectations
- What they expect from me (preparation, updates, deadlines):
- What I can expect from them (feedback, introductions, letters):
- What stays between us:
- When we will check whether this is working (for example, in three months):

## Next meeting
- Date:
- What I will bring:",
        takeaways: &[
            "We meet every … by …",
            "My first goal with them: …",
            "Before we next meet I will: …",
        ],
    },
    Builtin {
        key: "check_in",
        name: "Regular check-in",
        description: "What happened since last time, what to ask, what is next.",
        body: "## Since we last met
- The action items from last time, done or not, and why:
- What happened on the wards or in clinic that I want to talk about:
- My goals: what moved, what stalled:

## What I want to ask
1. 
2. 

## Their advice
- 

## How I am doing
- Workload, sleep and energy lately:
- Anything weighing on me that I want to raise:

## Agreed next steps
- 
- Next meeting:",
        takeaways: &[
            "Advice to try before next time: …",
            "Next step on my goal: …",
        ],
    },
    Builtin {
        key: "task_feedback",
        name: "Feedback on a task",
        description: "A case presentation, a draft, a procedure: what went well, what to change.",
        body: "## The task
- What it was (case presentation, discharge summary, abstract draft, procedure):
- What I was asked to do, and by when:
- What I asked them to look at:

## What went well
- 

## What to improve
- Their points, in their words:
- The examples they gave:

## What I will do differently
- Next time I will:
- What I will practise, and where:

## Follow-up
- The revised version is due:
- Do they want to see it again?",
        takeaways: &["Keep doing: …", "Change next time: …"],
    },
    Builtin {
        key: "career_advice",
        name: "Career advice",
        description: "A decision ahead: the options, their experience, who else to ask.",
        body: "## The question
- The decision ahead of me (specialty, fellowship, research year, a job, where to live):
- My options as I see them, and when I have to decide:

## Their experience
- How they made a similar decision, and what they would do again:
- What they wish they had known at my stage:

## Their advice
- On my options:
- What programs or employers look for (publications, letters, electives, exams):
- Who else I should talk to, and whether they will introduce me:

## Where I am now
- What changed in my thinking:
- What I still need to find out:

## Next steps
- ",
        takeaways: &["Talk to: … (introduced by …)", "Decide by: …"],
    },
    Builtin {
        key: "ending",
        name: "End of a mentorship",
        description: "Looking back, saying thank you, what to ask of the next mentor.",
        body: "## Looking back
- What we set out to do, and what came of it:
- The advice that worked for me, and the advice that did not:
- What I learned from how they work:

## Why it ends
- Goals reached, moving on, or not working for me (private: this stays in my journal):
- What I want to tell them (thanks, honest feedback):

## Staying in touch
- Whether and how we keep in touch (a yearly update, a reference letter later):
- Introductions they offered:

## For my next mentor
- What I want next time, and what I will ask for from the start:",
        takeaways: &[
            "The advice I will keep: …",
            "From my next mentor I will ask for: …",
        ],
    },
];
