import Testing

@testable import JobLensCore

/// The writer's byte buffer: it grows, empties and is copied on write as an array is.
@Suite("JSON buffer")
struct JSONBufferTests {
  @Test("appends past its capacity keep every byte in order", arguments: [0, 1, 64, 1_000])
  func grows(capacity: Int) {
    var buffer = JSONBuffer(capacity: capacity)
    var expected: [UInt8] = []
    var random = SplitMix(seed: UInt64(capacity) + 1)
    for step in 0..<2_000 {
      if step % 3 == 0 {
        let byte = UInt8(truncatingIfNeeded: random.next())
        buffer.append(byte)
        expected.append(byte)
      } else {
        let run = (0..<Int(random.next() % 300)).map { _ in UInt8(truncatingIfNeeded: random.next())
        }
        run.withUnsafeBufferPointer { buffer.append(bytes: $0) }
        expected += run
      }
    }
    #expect(buffer.count == expected.count)
    #expect(buffer.array == expected)
    buffer.removeAll()
    #expect(buffer.count == 0)
    buffer.append(7)
    #expect(buffer.array == [7])
  }

  @Test("a copy is not changed by writes to the original, nor the original by the copy's")
  func copiesOnWrite() {
    var first = JSONWriter(capacity: 8)
    first.beginArray()
    first.number(1)
    var second = first
    first.number(2)
    first.endArray()
    second.number(3)
    second.endArray()
    #expect(first.text == "[1,2]")
    #expect(second.text == "[1,3]")
    var emptied = first
    emptied.removeAll()
    emptied.string("x")
    #expect(first.text == "[1,2]")
    #expect(emptied.text == #""x""#)
    #expect(first.count == 5 && first.bytes == Array("[1,2]".utf8))
    #expect(first.withBytes { Array($0) } == first.bytes)
  }
}
