import BR30
import Foundation

// BR-30: schemas named like platform types get recognisable names and do not shadow the platform.
let result = try decode(ResultModel.self, #"{"ok":true,"error":{"code":3},"data":"x"}"#)
check(result.ok == true)
check(result.error?.code == 3)
check(result.data == "x")
let platformData: Foundation.Data = Data([1, 2])
check(platformData.count == 2)
let platformResult: Swift.Result<Int, any Swift.Error> = .success(1)
check((try? platformResult.get()) == 1)
finish()
