import BR35
import Foundation

// BR-35: surrogate pair escapes in a JSON document are the characters they stand for.
let grinning = MessageMood.grinningFace.rawValue
check(grinning == "\u{1F600}")
check(grinning.unicodeScalars.count == 1)
check(grinning.utf8.count == 4)
check(try decode(MessageMood.self, #""\ud83d\ude00""#) == .grinningFace)
check(try decode(MessageMood.self, #""\ud83d\ude22""#) == .cryingFace)
check(try encode(MessageMood.grinningFace) == "\"\u{1F600}\"")
let message = try decode(Message.self, #"{"body":"Hello! \ud83d\udc4d","mood":"\ud83d\ude00"}"#)
check(message.body == "Hello! 👍")
check(message.mood == .grinningFace)
finish()
