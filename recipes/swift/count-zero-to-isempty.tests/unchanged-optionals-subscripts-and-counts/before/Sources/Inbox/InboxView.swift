import SwiftUI

struct InboxView: View {
    @ObservedObject var model: InboxModel
    var folders: [[Message]]

    // Shows the empty state when messages.count == 0.
    var body: some View {
        if model.messages.isEmpty {
            Text("No messages. (messages.count == 0)")
        } else if model.selected?.attachments.count == 0 {
            Text("No attachments")
        } else if folders[0].count == 0 || model.unread().count == 0 {
            Text("Empty folder")
        } else if 0 == model.drafts.count || model.flagged.count >= 0 {
            Text("\(model.messages.count) messages")
        }
    }
}
