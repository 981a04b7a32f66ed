import Foundation
import Mustache

/// A context value as the compiled renderer reads it: strings, Booleans, integers, arrays and the template
/// context types typed, so that rendering them needs no dynamic cast; anything else as swift-mustache sees it.
///
/// No payload is larger than a `String`: arrays and other values are held by a reference, so that copying a value
/// (onto the stack of objects, out of a list) retains one reference and copies no existential.
enum TemplateValue {
    case string(String)
    case bool(Bool)
    case int(Int)
    /// An array: its elements, and the array itself for what only swift-mustache's generic handling covers
    /// (`{{list}}` as text, transforms).
    case list(TemplateList)
    /// A template context value, boxed once: its lists and nested contexts, once read, are kept by the box, so that
    /// a template reading them again (a struct's properties, looped over six times) walks the same boxes.
    case object(TemplateObject)
    /// Any other value, rendered and searched exactly as swift-mustache does (made by `other(_:)`).
    case opaque(TemplateOpaque)

    /// An array's value: its elements as template values, and the array itself.
    static func list(_ elements: [TemplateValue], _ original: Any) -> TemplateValue {
        .list(TemplateList(elements: elements, original: original))
    }

    /// Any other value, rendered and searched exactly as swift-mustache does.
    static func other(_ value: Any) -> TemplateValue { .opaque(TemplateOpaque(value: value)) }

    /// The value as swift-mustache would hold it.
    var any: Any {
        switch self {
        case .string(let string): string
        case .bool(let bool): bool
        case .int(let int): int
        case .list(let list): list.original
        case .object(let object): object.any
        case .opaque(let opaque): opaque.value
        }
    }

    /// A value found by swift-mustache's generic means (a `MustacheParent`, a `Mirror`, a transform): the exact
    /// `String`, `Bool` and `Int` typed, anything else kept as it is.
    static func fromAny(_ value: Any) -> TemplateValue {
        let type = type(of: value)
        if type == Bool.self, let bool = value as? Bool { return .bool(bool) }
        if type == String.self, let string = value as? String { return .string(string) }
        if type == Int.self, let int = value as? Int { return .int(int) }
        return .other(value)
    }
}

/// An array as the compiled renderer holds it (`TemplateValue.list`).
///
/// An array of strings (doc comment lines, most lists) keeps its strings as they are: a section that only writes
/// each one (`{{#docLines}}/// {{.}}{{/docLines}}`) reads them from there (`CompiledTemplates.RenderList
/// .writesOnlyItsElement`), and their template values are made only for any other use.
final class TemplateList {
    /// The strings of an array of strings; `nil` for any other array.
    let strings: [String]?
    /// The array itself, as swift-mustache would hold it.
    let original: Any
    /// The elements as template values, once made.
    private var made: [TemplateValue]?

    init(elements: [TemplateValue], original: Any) {
        self.strings = nil
        self.made = elements
        self.original = original
    }

    init(strings: [String]) {
        self.strings = strings
        self.original = strings
    }

    /// Its elements, each a template value.
    var elements: [TemplateValue] {
        if let made { return made }
        let elements = (strings ?? []).map(TemplateValue.string)
        made = elements
        return elements
    }

    /// Whether the array is empty; without making its elements.
    var isEmpty: Bool { strings?.isEmpty ?? elements.isEmpty }
}

/// A value the compiled renderer reads only through swift-mustache's generic means (`TemplateValue.opaque`).
final class TemplateOpaque {
    let value: Any

    init(value: Any) { self.value = value }
}

/// A type whose values the compiled renderer reads without a dynamic cast.
protocol TemplateValueConvertible {
    /// The value; `nil` for an absent optional (as `KeyPathContext.child(named:)` reports it).
    var templateValue: TemplateValue? { get }
    /// An array of such values as one value (`.list`).
    static func templateList(_ elements: [Self]) -> TemplateValue
    /// Whether the type is an `Optional`: answered by the conformance, where `is any OptionalContextValue` on a
    /// value was a cast at run time on every read of an optional field (about 2% of box's rendering).
    static var isOptional: Bool { get }
}

extension String: TemplateValueConvertible {
    var templateValue: TemplateValue? { .string(self) }

    /// The strings kept as they are (`TemplateList.strings`).
    static func templateList(_ elements: [String]) -> TemplateValue { .list(TemplateList(strings: elements)) }
}

extension Bool: TemplateValueConvertible {
    var templateValue: TemplateValue? { .bool(self) }
}

extension Int: TemplateValueConvertible {
    var templateValue: TemplateValue? { .int(self) }
}

extension TemplateValueConvertible {
    static var isOptional: Bool { false }

    // A loop over `0..<count` rather than `map`: this runs unspecialised (through the readers' key paths), where
    // `map`'s closure and iterator cost a generic metadata lookup each.
    static func templateList(_ elements: [Self]) -> TemplateValue {
        var values: [TemplateValue] = []
        values.reserveCapacity(elements.count)
        for index in 0..<elements.count {
            let element = elements[index]
            values.append(element.templateValue ?? .other(element))
        }
        return .list(values, elements)
    }
}

extension Array: TemplateValueConvertible where Element: TemplateValueConvertible {
    var templateValue: TemplateValue? { Element.templateList(self) }
}

extension Optional: TemplateValueConvertible where Wrapped: TemplateValueConvertible {
    static var isOptional: Bool { true }

    var templateValue: TemplateValue? {
        guard let wrapped = self else { return nil }
        // `KeyPathContext.child(named:)` unwraps one level only: a nested optional stays what it is.
        if Wrapped.isOptional { return .other(wrapped) }
        return wrapped.templateValue
    }
}

/// A template context type whose fields the compiled renderer reads through typed readers built once from its
/// `templateKeys`, rather than through `child(named:)` and the casts swift-mustache applies to its `Any`.
protocol CompiledTemplateContext: KeyPathContext, TemplateValueConvertible {
    /// Each template key's reader; built by `makeTemplateReaders()`.
    static var templateReaders: TemplateReaders { get }
}

/// The readers of a context type's fields, by key number (`TemplateKeys.number(of:)`), so that a lookup is an
/// array index rather than the hashing of the key.
///
/// Not generic over the context type: a reader takes the address of the context value, so that reading one
/// (`templateChild(key:)`, called on an existential) needs no generic metadata, whose lookups cost as much as
/// the rest of a read.
struct TemplateReaders {
    /// Reads one field of the context value at the address (whose type is the one the readers were made for).
    typealias Reader = (UnsafeRawPointer) -> TemplateValue?

    /// A reader closure in a class of its own, which `Kind.other` refers to unretained: the readers' `boxes` own it.
    final class ReaderBox {
        let read: Reader

        init(_ read: @escaping Reader) { self.read = read }
    }

    /// How a reader reads: most fields are strings and Booleans stored in the context value, read at their offset
    /// with no call; any other field through a closure, boxed (`ReaderBox`) and referred to unretained, so that a
    /// kind copied out of the array retains nothing (a closure's context was retained and released around every
    /// read, on a context shared by the rendering threads: 0.8% of stripe's samples).
    enum Kind {
        case string(offset: Int)
        case bool(offset: Int)
        case other(Unmanaged<ReaderBox>)

        /// Reads the field of the context value at the address.
        @inline(__always)
        func read(_ root: UnsafeRawPointer) -> TemplateValue? {
            switch self {
            case .string(let offset): .string((root + offset).assumingMemoryBound(to: String.self).pointee)
            case .bool(let offset): .bool((root + offset).assumingMemoryBound(to: Bool.self).pointee)
            case .other(let box): box._withUnsafeGuaranteedRef { $0.read(root) }
            }
        }
    }

    /// The readers by key number. Kept as they are in the array: a reader held by a class instead (whose closure
    /// avoids the array's generic abstraction) was retained and released around every read, as its closure's
    /// context before that, and reading an enum out of the array retains nothing for a string or a Boolean (the
    /// reads of a tenth of stripe's rendering).
    let readers: [Kind?]
    /// The boxes of `readers`' `other` kinds, which this keeps alive.
    let boxes: [ReaderBox]

    /// Readers of strings and Booleans at their offsets (`Kind.string`, `Kind.bool`) and of other fields through
    /// closures (`nil` for a key number without a reader).
    init(_ readers: [Either?]) {
        var kinds: [Kind?] = []
        var boxes: [ReaderBox] = []
        kinds.reserveCapacity(readers.count)
        for reader in readers {
            switch reader {
            case nil: kinds.append(nil)
            case .kind(let kind): kinds.append(kind)
            case .closure(let read):
                let box = ReaderBox(read)
                boxes.append(box)
                kinds.append(.other(Unmanaged.passUnretained(box)))
            }
        }
        self.readers = kinds
        self.boxes = boxes
    }

    /// A reader as `init(_:)` takes it: a string's or a Boolean's offset, or a closure.
    enum Either {
        case kind(Kind)
        case closure(Reader)
    }

    subscript(key: Int) -> Kind? { key < readers.count ? readers[key] : nil }
}

/// Numbers every template key once, the same for every context type and every template.
enum TemplateKeys {
    nonisolated(unsafe) private static var numbers: [String: Int] = [:]
    private static let lock = NSLock()

    /// The key's number, given on first use; numbers are dense from 0.
    static func number(of key: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if let number = numbers[key] { return number }
        let number = numbers.count
        numbers[key] = number
        return number
    }
}

extension CompiledTemplateContext {
    var templateValue: TemplateValue? { .object(TemplateBox(self)) }

    /// The elements boxed each as itself in the array (`TemplateElement`), rather than as a copy of it.
    static func templateList(_ elements: [Self]) -> TemplateValue {
        let readers = Self.templateReaders
        var values: [TemplateValue] = []
        values.reserveCapacity(elements.count)
        for index in 0..<elements.count {
            values.append(.object(TemplateElement(elements, index, readers: readers)))
        }
        return .list(values, elements)
    }

    /// The value for a template key (numbered by `TemplateKeys.number(of:)`); `nil` for an unknown key or an
    /// absent optional, as `child(named:)`.
    func templateChild(key: Int) -> TemplateValue? {
        guard let reader = Self.templateReaders[key] else { return nil }
        return withUnsafePointer(to: self) { reader.read(UnsafeRawPointer($0)) }
    }

    /// The value for a template key; `nil` for an unknown key or an absent optional, as `child(named:)`.
    func templateChild(named name: String) -> TemplateValue? { templateChild(key: TemplateKeys.number(of: name)) }

    /// A typed reader for every key of `templateKeys`: through the value's `TemplateValueConvertible` conformance
    /// when it has one, else through `child(named:)`, as swift-mustache reads it.
    static func makeTemplateReaders() -> TemplateReaders {
        var readers: [TemplateReaders.Either?] = []
        for (name, keyPath) in templateKeys {
            let number = TemplateKeys.number(of: name)
            if readers.count <= number { readers += Array(repeating: nil, count: number + 1 - readers.count) }
            if let kind = storedReader(keyPath, root: Self.self) {
                readers[number] = .kind(kind)
            } else if let convertible = type(of: keyPath).valueType as? any TemplateValueConvertible.Type,
                let reader = typedReader(convertible, keyPath, root: Self.self)
            {
                readers[number] = .closure(reader)
            } else {
                readers[number] = .closure { root in
                    root.assumingMemoryBound(to: Self.self).pointee.child(named: name).map { TemplateValue.other($0) }
                }
            }
        }
        return TemplateReaders(readers)
    }
}

/// The reader of a stored `String` or `Bool` property, read at its offset; `nil` for any other key path.
private func storedReader<Root>(_ keyPath: AnyKeyPath, root: Root.Type) -> TemplateReaders.Kind? {
    if let typed = keyPath as? KeyPath<Root, String>, let offset = MemoryLayout<Root>.offset(of: typed) {
        return .string(offset: offset)
    }
    if let typed = keyPath as? KeyPath<Root, Bool>, let offset = MemoryLayout<Root>.offset(of: typed) {
        return .bool(offset: offset)
    }
    return nil
}

/// A reader of the key path's value, typed by its value type; `nil` when the key path does not have that type.
private func typedReader<Value: TemplateValueConvertible, Root>(
    _ valueType: Value.Type, _ keyPath: AnyKeyPath, root: Root.Type
) -> TemplateReaders.Reader? {
    guard let typed = keyPath as? KeyPath<Root, Value> else { return nil }
    // A stored property (every field of a context type) is read at its offset: applying the key path to the
    // value would copy the whole context first, here where nothing is specialised.
    if let offset = MemoryLayout<Root>.offset(of: typed) {
        // Strings and Booleans, most fields, are read by `storedReader` without a closure.
        return { ($0 + offset).assumingMemoryBound(to: Value.self).pointee.templateValue }
    }
    return { $0.assumingMemoryBound(to: Root.self).pointee[keyPath: typed].templateValue }
}

/// A template context value as the compiled renderer holds it: a reference, so that pushing it on the stack, or
/// reading it from a list, copies no field. The lists and nested contexts read from it are built once and kept
/// (`child(key:)`); strings, Booleans and integers are read from the value at each use, which costs no more.
///
/// One render uses its boxes on one thread only: they are made during the render and not shared.
class TemplateObject {
    /// The readers of the value's type.
    final let readers: TemplateReaders
    /// The key numbers of the lists and nested contexts read so far, and those values: few per value, so lists
    /// rather than a table, and two of them, so that a search copies no value. Without the run-time exclusivity
    /// check, which was an eighth of `child(key:)`: only `child(key:)` touches them, on one thread, and it makes
    /// no call while it reads or changes them but `read(_:)`, which does not reach them.
    @exclusivity(unchecked) final var keptKeys: [Int] = []
    @exclusivity(unchecked) final var keptValues: [TemplateValue] = []

    init(readers: TemplateReaders) { self.readers = readers }

    /// The value, as swift-mustache would hold it.
    var any: Any { fatalError("TemplateObject is abstract") }

    /// Applies a reader to the value's storage.
    func read(_ reader: TemplateReaders.Kind) -> TemplateValue? { fatalError("TemplateObject is abstract") }

    /// The value for a template key (numbered by `TemplateKeys.number(of:)`); `nil` for an unknown key or an
    /// absent optional, as `child(named:)`.
    final func child(key: Int) -> TemplateValue? {
        if let index = keptKeys.firstIndex(of: key) { return keptValues[index] }
        guard let reader = readers[key], let value = read(reader) else { return nil }
        switch value {
        case .list, .object:
            keptKeys.append(key)
            keptValues.append(value)
        case .string, .bool, .int, .opaque: break
        }
        return value
    }
}

/// A context value boxed on its own (the root of a render, a nested context).
final class TemplateBox<Value: CompiledTemplateContext>: TemplateObject {
    let value: Value

    init(_ value: Value) {
        self.value = value
        super.init(readers: Value.templateReaders)
    }

    override var any: Any { value }

    override func read(_ reader: TemplateReaders.Kind) -> TemplateValue? {
        withUnsafePointer(to: value) { reader.read(UnsafeRawPointer($0)) }
    }
}

/// The root of a render, read where the caller holds it (a job in the array of jobs) rather than copied into a box:
/// a copy retained every string of the context, the module's shared by every job, from every thread at once.
///
/// Valid only while the value at the address is: `CompiledTemplates.renderUTF8(at:withTemplate:)` makes it for
/// one render, and nothing of that render outlives it (its text is returned as bytes).
final class TemplateInPlace<Value: CompiledTemplateContext>: TemplateObject {
    let value: UnsafePointer<Value>

    init(_ value: UnsafePointer<Value>) {
        self.value = value
        super.init(readers: Value.templateReaders)
    }

    override var any: Any { value.pointee }

    override func read(_ reader: TemplateReaders.Kind) -> TemplateValue? { reader.read(UnsafeRawPointer(value)) }
}

/// An element of an array of context values, read in place.
final class TemplateElement<Value: CompiledTemplateContext>: TemplateObject {
    let elements: [Value]
    let index: Int

    init(_ elements: [Value], _ index: Int, readers: TemplateReaders) {
        self.elements = elements
        self.index = index
        super.init(readers: readers)
    }

    override var any: Any { elements[index] }

    /// Through the array's base address where it has one (every native array): `withUnsafeBufferPointer` is
    /// generic and not specialised here (the class is generic over the element type), a call through a closure
    /// at every read.
    override func read(_ reader: TemplateReaders.Kind) -> TemplateValue? {
        if let base = elements._baseAddressIfContiguous { return reader.read(UnsafeRawPointer(base + index)) }
        return elements.withUnsafeBufferPointer { reader.read(UnsafeRawPointer($0.baseAddress! + index)) }
    }
}
