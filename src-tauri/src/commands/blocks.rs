//! Blocks of the schedule (rotations, leave) that can pause the cadence.

use journal::{Block, BlockId, BlockInput};

commands! {
    /// Rotations, leave and other blocks, earliest first.
    fn blocks_list(state) -> Vec<Block> { state.journal(|j| j.list_blocks()) }

    fn block_get(state, id: BlockId) -> Block { state.journal(|j| j.block(id)) }

    fn block_add(state, block: BlockInput) -> Block { state.journal(|j| j.add_block(&block)) }

    fn block_update(state, id: BlockId, block: BlockInput) -> Block { state.journal(|j| j.update_block(id, &block)) }

    fn block_delete(state, id: BlockId) -> () { state.journal(|j| j.delete_block(id)) }
}
