import Foundation
import IdenticalSchemas

// `Pen.color` and `Pencil.color` are the same inline enum: one type, `PenColor` (the shorter name), and
// `PencilColor` names it. Assigning one to the other compiles only because they are the same type.
let penColor: PenColor = .green
let pencilColor: PencilColor = penColor
check(pencilColor == .green)
let pencil = try decode(Pencil.self, #"{"color":"red"}"#)
let colorOfPencil: PenColor? = pencil.color
check(colorOfPencil == .red)

// An inline enum that repeats a component names the component, though its own name is shorter.
let chosenFinish: SurfaceFinishChoice = .gloss
let penFinish: PenFinish = chosenFinish
let pencilFinish: PencilFinish = penFinish
check(try encode(Pen(finish: pencilFinish)) == #"{"finish":"gloss"}"#)

// Two operations' inline bodies, each with an inline object holding an inline enum: the trees are the same, so
// each level is one type (the second body's `shipping` has a description of its own, which its typealias keeps).
let shipping = CreatePencilRequestShipping(method: .courier, days: 2)
let penShipping: CreatePenRequestShipping = shipping
check(try encode(penShipping) == #"{"days":2,"method":"courier"}"#)
let method: CreatePenRequestShippingMethod = CreatePencilRequestShippingMethod.post
check(method.rawValue == "post")

// A union's member that repeats another inline enum is a typealias, and the union still offers its cases as
// shortcuts and reads a string directly.
let paint: Paint = .red
check(try decode(Paint.self, #""green""#) == .green)
check(try decode(Paint.self, "3") == .integer(3))
check(paint != .green)

// Look-alikes keep their own types: the caps differ in a property's description, the grades in their values' order.
func sameType<A, B>(_: A.Type, _: B.Type) -> Bool { A.self == B.self }
check(!sameType(PenCap.self, PencilCap.self))
check(!sameType(PenGrade.self, PencilGrade.self))
check(sameType(PencilColor.self, PenColor.self))

// `Ink` and `Dye` are identical components, which keep their own types, so the pen's refill (of inks) and the
// pencil's (of dyes) are two types; the pen's cartridge, also of inks, is its refill's type.
let pencilRefill = PencilRefill(inks: [Dye(hue: "blue")])
let dyes: [Dye]? = pencilRefill.inks
check(dyes?.first?.hue == "blue")
let inks: [Ink]? = PenRefill(inks: [Ink(hue: "red")]).inks
check(inks?.count == 1)
check(!sameType(PenRefill.self, PencilRefill.self))
check(!sameType(Ink.self, Dye.self))
check(sameType(PenCartridge.self, PenRefill.self))

finish()
