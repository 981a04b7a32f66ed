import BR08
import Foundation

// BR-08: schema defaults are the initializer's defaults; decoding keeps absent properties absent.
let pet = NewPet()
check(pet.animal == .cat)
check(pet.size == .value2)
check(pet.shy == false)
check(pet.label == "none")
check(try encode(pet) == #"{"animal":"cat","label":"none","shy":false,"size":2}"#)
let empty = try decode(NewPet.self, "{}")
check(empty.animal == nil && empty.size == nil && empty.shy == nil && empty.label == nil)
finish()
