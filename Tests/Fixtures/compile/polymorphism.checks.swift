import Foundation
import Polymorphism

// Each element decodes as the subtype its `petType` names: `dog` by the mapping, `Cat` by the component name.
let pets = try decode(
    [Pet].self,
    #"[{"name":"Tom","petType":"Cat","huntingSkill":"lazy"},{"name":"Rex","petType":"dog","packSize":3}]"#)
guard pets.count == 2, case .cat(let cat) = pets[0], case .dog(let dog) = pets[1] else {
    check(false, "expected a cat then a dog: \(pets)")
    finish()
}
check(cat.name == "Tom" && cat.huntingSkill == .lazy)
check(dog.name == "Rex" && dog.packSize == 3)
// The base's own properties are reachable on the union.
check(pets.map(\.name) == ["Tom", "Rex"])
check(pets.map(\.petType) == ["Cat", "dog"])
// A subtype encodes with its tag, which the caller never sets.
check(
    try encode(Pet.cat(Cat(name: "Kit", huntingSkill: .adventurous)))
        == #"{"huntingSkill":"adventurous","name":"Kit","petType":"Cat"}"#)
check(try encode(Dog(name: "Fido", packSize: 1)) == #"{"name":"Fido","packSize":1,"petType":"dog"}"#)
// A tag naming no subtype is a decoding error; so is a subtype's body under another subtype's tag.
checkThrows { _ = try decode(Pet.self, #"{"name":"Polly","petType":"Parrot"}"#) }
checkThrows { _ = try decode(Dog.self, #"{"name":"Rex","petType":"Cat","packSize":3}"#) }
// Properties typed as the base decode to the subtype too.
let owner = try decode(Owner.self, #"{"favourite":{"name":"Rex","petType":"dog","packSize":2}}"#)
guard case .dog(let favourite)? = owner.favourite else {
    check(false, "expected the dog")
    finish()
}
check(favourite.packSize == 2)
finish()
