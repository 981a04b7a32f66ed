// The other union shapes of .ci/benchmark-decode-unions.yaml, generated and hand-written, for .ci/benchmark-decode.
// Each hand-written type tells its members apart the way a person would write it: by the discriminator, by a key
// only one member has, by trying each JSON kind, and (anyOf) by the keys each member requires.
import Foundation
import UnionShapes

struct HandCat: Decodable {
    var kind: String
    var name: String
    var meows: Bool?
}
struct HandDog: Decodable {
    var kind: String
    var name: String
    var barks: Bool?
}
enum HandPet: Decodable {
    case cat(HandCat)
    case dog(HandDog)
    enum Key: String, CodingKey { case kind }
    init(from decoder: any Decoder) throws {
        let kind = try decoder.container(keyedBy: Key.self).decode(String.self, forKey: .kind)
        switch kind {
        case "cat": self = .cat(try HandCat(from: decoder))
        case "dog": self = .dog(try HandDog(from: decoder))
        default: throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: kind))
        }
    }
}

enum HandSize: String, Decodable { case s, m, l }
struct HandParcel: Decodable {
    var size: HandSize
    var weight: Int?
}
struct HandLetter: Decodable { var pages: Int }
enum HandShipment: Decodable {
    case parcel(HandParcel)
    case letter(HandLetter)
    enum Key: String, CodingKey { case size }
    init(from decoder: any Decoder) throws {
        if try decoder.container(keyedBy: Key.self).contains(.size) {
            self = .parcel(try HandParcel(from: decoder))
        } else {
            self = .letter(try HandLetter(from: decoder))
        }
    }
}

enum HandScalar: Decodable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let number = try? container.decode(Int.self) {
            self = .integer(number)
        } else {
            self = .boolean(try container.decode(Bool.self))
        }
    }
}

struct HandEmail: Decodable { var email: String }
struct HandPhone: Decodable { var phone: String }
struct HandContact: Decodable {
    var email: HandEmail?
    var phone: HandPhone?
    enum Key: String, CodingKey { case email, phone }
    init(from decoder: any Decoder) throws {
        let keys = try decoder.container(keyedBy: Key.self)
        email = keys.contains(.email) ? try HandEmail(from: decoder) : nil
        phone = keys.contains(.phone) ? try HandPhone(from: decoder) : nil
        if email == nil && phone == nil {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "no member"))
        }
    }
}

func unionShapeCases() {
    let pets = payload { index in
        index % 2 == 0
            ? #"{"kind":"cat","name":"Tom \#(index)","meows":true}"#
            : #"{"kind":"dog","name":"Rex \#(index)","barks":false}"#
    }
    compare(
        "oneOf with a discriminator", pets, target: 1.5, generated: [Pet].self,
        handWritten: [HandPet].self)
    let shipments = payload { index in
        index % 2 == 0 ? #"{"size":"m","weight":\#(index)}"# : #"{"pages":\#(index % 90)}"#
    }
    compare(
        "oneOf of objects, scored by values", shipments, target: 1.5, generated: [Shipment].self,
        handWritten: [HandShipment].self)
    let scalars = payload { index in [#""text-\#(index)""#, "\(index)", "true"][index % 3] }
    compare(
        "oneOf of scalars", scalars, target: 1.5, generated: [Scalar].self,
        handWritten: [HandScalar].self)
    let contacts = payload { index in
        [
            #"{"email":"a\#(index)@example.com"}"#, #"{"phone":"+1 555 \#(index)"}"#,
            #"{"email":"b\#(index)@example.com","phone":"+1 555 \#(index)"}"#,
        ][index % 3]
    }
    compare(
        "anyOf of objects (keeps each fit)", contacts, target: 1.5, generated: [Contact].self,
        handWritten: [HandContact].self)
}
