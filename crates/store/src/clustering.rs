//! The clusterer on a thread of its own. Story assignment is sequential (each
//! article sees the stories of all before it) and so is writing to SQLite; on
//! their own threads the two overlap: later articles are assigned while earlier
//! ones are written and committed. Requests are answered in the order they are
//! sent, so a snapshot asked for after an article reflects exactly the articles
//! up to it.

use std::sync::mpsc::{channel, Receiver, Sender};
use std::thread::JoinHandle;

use brief_stories::{ArticleKey, Assignment, Clusterer, Move, Profile, StoryId};
use rustc_hash::FxHashSet;

use crate::StoreError;

enum Request {
    Assign(ArticleKey, Box<Profile>),
    Snapshot,
}

enum Reply {
    Assigned(Assignment, Vec<Move>),
    Snapshot(Snapshot),
}

/// A story as the store saves it.
pub(crate) struct SavedStory {
    pub id: StoryId,
    pub first: Option<i32>,
    pub last: Option<i32>,
    pub articles: u32,
    pub touched: u64,
    pub state: Vec<u8>,
}

/// What a commit writes of the clusterer, as it stood after the last article
/// assigned before the snapshot was asked for: the stories changed since the
/// last snapshot (serialised on the clusterer's thread), the stories articles
/// moved out of that are gone (emptied by re-clustering), and the document
/// frequencies.
pub(crate) struct Snapshot {
    pub stories: Vec<SavedStory>,
    pub gone: Vec<StoryId>,
    pub frequencies: Vec<u8>,
}

pub(crate) struct ClusterThread {
    requests: Option<Sender<Request>>,
    replies: Receiver<Reply>,
    worker: Option<JoinHandle<()>>,
}

impl ClusterThread {
    pub fn start(mut clusterer: Clusterer) -> ClusterThread {
        let (requests, inbox) = channel::<Request>();
        let (outbox, replies) = channel::<Reply>();
        let worker = std::thread::Builder::new()
            .name("brief-clusterer".into())
            .spawn(move || {
                let mut changed: FxHashSet<StoryId> = FxHashSet::default();
                let mut vacated: FxHashSet<StoryId> = FxHashSet::default();
                for request in inbox {
                    let reply = match request {
                        Request::Assign(key, profile) => {
                            let assignment = clusterer.assign(key, &profile);
                            let moves = clusterer.take_moves();
                            changed.insert(assignment.story());
                            for m in &moves {
                                changed.extend([m.from, m.to]);
                                vacated.insert(m.from);
                            }
                            Reply::Assigned(assignment, moves)
                        }
                        Request::Snapshot => {
                            let mut stories = Vec::with_capacity(changed.len());
                            for id in changed.drain() {
                                if let Some(story) = clusterer.story(id) {
                                    stories.push(SavedStory {
                                        id,
                                        first: story.first,
                                        last: story.last,
                                        articles: story.articles,
                                        touched: story.touched(),
                                        state: story.to_bytes(),
                                    });
                                }
                            }
                            let gone = vacated
                                .drain()
                                .filter(|id| clusterer.story(*id).is_none())
                                .collect();
                            Reply::Snapshot(Snapshot {
                                stories,
                                gone,
                                frequencies: clusterer.frequencies().to_bytes(),
                            })
                        }
                    };
                    if outbox.send(reply).is_err() {
                        break; // the session is gone
                    }
                }
            })
            .expect("a thread can be started");
        ClusterThread {
            requests: Some(requests),
            replies,
            worker: Some(worker),
        }
    }

    fn send(&self, request: Request) -> Result<(), StoreError> {
        self.requests
            .as_ref()
            .and_then(|r| r.send(request).ok())
            .ok_or(StoreError::Clusterer)
    }

    /// Asks for the article's assignment; [`ClusterThread::assigned`] answers,
    /// in the order asked.
    pub fn assign(&self, key: ArticleKey, profile: Profile) -> Result<(), StoreError> {
        self.send(Request::Assign(key, Box::new(profile)))
    }

    pub fn assigned(&self) -> Result<(Assignment, Vec<Move>), StoreError> {
        match self.replies.recv() {
            Ok(Reply::Assigned(assignment, moves)) => Ok((assignment, moves)),
            _ => Err(StoreError::Clusterer),
        }
    }

    /// Asks for a [`Snapshot`] as of now: [`ClusterThread::snapshot`] answers,
    /// after the assignments asked for before it.
    pub fn ask_snapshot(&self) -> Result<(), StoreError> {
        self.send(Request::Snapshot)
    }

    pub fn snapshot(&self) -> Result<Snapshot, StoreError> {
        match self.replies.recv() {
            Ok(Reply::Snapshot(snapshot)) => Ok(snapshot),
            _ => Err(StoreError::Clusterer),
        }
    }
}

impl Drop for ClusterThread {
    fn drop(&mut self) {
        self.requests = None; // ends the worker's loop
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}
